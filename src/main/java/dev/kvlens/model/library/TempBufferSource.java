package dev.kvlens.model.library;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;


import dev.kvlens.model.planner.BuildFunctions;
import dev.kvlens.model.planner.PlannerInput;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.model.planner.Provenance;
import dev.kvlens.model.planner.TempBufferModel;
import dev.kvlens.model.planner.TempBufferPlan;

import dev.kvlens.text.Phrase;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The compile-time temporary buffer of a library nobody has measured, with honest provenance: the §4.3 planner where
 * the rules validate it (webgpu, android, iphone and mali builds of the nine families, one shard), the same planner
 * labelled "estimated" on targets the data do not cover (vulkan, metal, opencl, or tensor parallelism), and the §4.2
 * heuristic for CUDA and ROCm (where the rules keep it) and for every family §4.3 does not model.
 */
public final class TempBufferSource {

    /** Model files that declare {@code *_to_last_hidden_states} at 79d603f0 (read in each model file). */
    private static final Set<String> HIDDEN_STATE_FUNCTIONS = Set.of("llama", "eagle", "llama4", "nemotron", "olmo",
            "olmo2", "qwen3");

    /** The key of a planner figure's note (arguments: target, largest function). */
    public static final String PLANNER = "model.figure.planner";
    /** The key of a planner figure's note on a target the rules do not validate. */
    public static final String PLANNER_ESTIMATED = "model.figure.plannerEstimated";

    private TempBufferSource() {
    }

    /** The temporary buffer for a build of {@code g} with {@code q} and {@code compile}'s limits on {@code target}. */
    public static ByteFigure estimate(ModelGeometry g, Quantization q, CompileConfig compile, PlannerTarget target) {
        if (g.intermediateSize() > 0 && target.provenance() != Provenance.HEURISTIC_TARGET) {
            BuildFunctions functions = HIDDEN_STATE_FUNCTIONS.contains(g.modelType().toLowerCase(Locale.ROOT))
                    ? BuildFunctions.HIDDEN_STATES : BuildFunctions.STANDARD;
            Optional<TempBufferPlan> plan;
            try {
                plan = TempBufferModel.plan(plannerInput(g, q, compile, target, functions));
            } catch (IllegalArgumentException e) {
                plan = Optional.empty();
            }
            if (plan.isPresent()) {
                TempBufferPlan p = plan.get();
                boolean validated = p.provenance() == Provenance.VALIDATED;
                return new ByteFigure(p.maxBytes(), validated ? ByteFigure.Provenance.COMPUTED : ByteFigure.Provenance.HEURISTIC,
                        Phrase.of(validated ? PLANNER : PLANNER_ESTIMATED, target.mlcName(), p.maxFunction()));
            }
        }
        return TempBufferHeuristic.estimate(g, q, compile);
    }

    /**
     * The planner's input for a build of {@code geometry} with {@code quantization} and {@code compile}'s limits:
     * a is the scheme's model-dtype bytes, S = {@code prefill_chunk_size}, B = {@code max_batch_size}, TP as
     * compiled; the target's default thread limit; not an early Phi q4 build (rules §4.3).
     */
    public static PlannerInput plannerInput(ModelGeometry geometry, Quantization quantization, CompileConfig compile,
                                            PlannerTarget target, BuildFunctions functions) {
        return new PlannerInput(geometry.modelType(), geometry.hiddenSize(), geometry.intermediateSize(),
                geometry.numAttentionHeads(), geometry.numKeyValueHeads(), geometry.headDim(), geometry.vocabSize(),
                geometry.numHiddenLayers(), geometry.tieWordEmbeddings(), quantization.modelDtypeBytes(),
                compile.prefillChunkSize(), compile.maxBatchSize(), compile.tensorParallelShards(), target, 0,
                functions, false);
    }
}
