/**
 * MLC's compile-time temporary buffer ({@code memory_usage} per Relax function) from the config alone, rules §4.3.
 *
 * <p>Entry point: {@link dev.kvlens.model.planner.TempBufferModel#plan(PlannerInput)} with a
 * {@link dev.kvlens.model.planner.PlannerInput} (built from a model by
 * {@code dev.kvlens.model.library.TempBufferSource#plannerInput}); the result carries every function's bytes, the max (the compile report's "Temporary
 * buffer") and a {@link dev.kvlens.model.planner.Provenance}. Inside: {@code TokenAllocator} is TVM's
 * StaticPlanBlockMemory reuse rule (§4.3.1), {@code LayerSequence} and {@code Tail} are MLC's op sequences
 * (§4.3.3), {@code FunctionPlanner} replays them, {@code SmallFunctions} sizes the helpers ({@code embed}, …).
 *
 * <p>The package depends on nothing else of {@code dev.kvlens.model} (the model uses it, not the other way round;
 * ArchitectureTest keeps it so): its inputs are its own records.
 */
package dev.kvlens.model.planner;
