package dev.kvlens.model.planner;

import java.util.EnumMap;
import java.util.Map;

/**
 * Replays TVM's planner over MLC's op sequence for each function of a build (rules §4.3.1, §4.3.3):
 * memory_usage[f] = Σ final token sizes + the function outputs' storages.
 *
 * <p>Speed: the prologue and all layers but the last are the same for every function of equal n, so that part
 * is planned once per n. Within it, a layer that leaves the planner's state exactly as it found it (same tokens,
 * sizes, free-pool order and slot tokens) will do so again, so the remaining layers are skipped: after one or two
 * layers the pool is periodic. The result is the same as walking every layer.
 */
final class FunctionPlanner {

    private static final Map<LayerSequence, Map<Tail, PlanProgram>> PROGRAMS = new EnumMap<>(LayerSequence.class);

    static {
        for (LayerSequence sequence : LayerSequence.values()) {
            Map<Tail, PlanProgram> byTail = new EnumMap<>(Tail.class);
            for (Tail tail : Tail.values()) {
                byTail.put(tail, PlanProgram.compile(sequence, tail));
            }
            PROGRAMS.put(sequence, byTail);
        }
    }

    private final LayerSequence sequence;
    private final PlanGeometry geometry;
    private final int layers;
    private final int[] stackTokens = new int[3];
    private final PlanState[] stacks = new PlanState[3];
    private int stackCount;

    FunctionPlanner(LayerSequence sequence, PlanGeometry geometry, int layers) {
        this.sequence = sequence;
        this.geometry = geometry;
        this.layers = layers;
    }

    /** memory_usage of {@code function} for n = {@code tokens}. */
    long plan(PlannedFunction function, int tokens) {
        PlanProgram program = PROGRAMS.get(sequence).get(function.tail());
        PlanState state = new PlanState();
        state.copyFrom(stack(program, tokens));
        state.run(program.last(), geometry.bytes(tokens));
        return state.memoryUsage();
    }

    private PlanState stack(PlanProgram program, int tokens) {
        for (int i = 0; i < stackCount; i++) {
            if (stackTokens[i] == tokens) {
                return stacks[i];
            }
        }
        long[][] bytes = geometry.bytes(tokens);
        PlanState state = new PlanState();
        state.run(program.prologue(), bytes);
        PlanState before = new PlanState();
        for (int layer = 0; layer < layers - 1; layer++) {
            before.copyFrom(state);
            state.run(program.middle(), bytes);
            if (state.sameState(before)) {
                break;
            }
        }
        stackTokens[stackCount] = tokens;
        stacks[stackCount++] = state;
        return state;
    }
}
