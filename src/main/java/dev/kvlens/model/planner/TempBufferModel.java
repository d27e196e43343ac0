package dev.kvlens.model.planner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The compile-time temporary buffer from the config alone (rules §4.3): TVM's static memory planner replayed over
 * MLC's per-family op sequence, for every function the build has. Covers the nine families of §4.3.5 (llama,
 * mistral, qwen2, phi3, gemma, gemma2, gpt_neox, phi, phi-msft); for any other model type (Qwen3, MoE, MLA,
 * hybrid, vision, …) it returns empty and §4.2 applies.
 */
public final class TempBufferModel {

    private TempBufferModel() {
    }

    /** Every function's {@code memory_usage} with its provenance, or empty for a family §4.3 does not cover. */
    public static Optional<TempBufferPlan> plan(PlannerInput in) {
        String type = in.modelType().toLowerCase(Locale.ROOT);
        Optional<LayerSequence> sequence = sequence(type, in);
        if (sequence.isEmpty()) {
            return Optional.empty();
        }
        boolean concreteVocab = type.equals("qwen2") || (type.equals("phi3") && in.tieWordEmbeddings());
        PlanGeometry geometry = PlanGeometry.of(in, concreteVocab);
        FunctionPlanner planner = new FunctionPlanner(sequence.get(), geometry, in.numHiddenLayers());
        long extra = sequence.get() == LayerSequence.PHI_EARLY_Q4
                ? (long) in.activationBytes() * in.hiddenSize() * in.hiddenSize() : 0;
        Map<String, Long> functions = new LinkedHashMap<>(32);
        for (PlannedFunction function : PlannedFunction.values()) {
            if (function.lastHiddenStates() && !in.functions().hasLastHiddenStates()) {
                continue;
            }
            int tokens = function.tokens(in.prefillChunkSize(), in.maxBatchSize());
            functions.put(function.mlcName(), planner.plan(function, tokens) + extra);
        }
        SmallFunctions.addTo(functions, in, concreteVocab ? 4L * in.vocabSize() : 0);
        Provenance provenance = in.tensorParallelShards() > 1 && in.target().provenance() == Provenance.VALIDATED
                ? Provenance.ESTIMATED : in.target().provenance();
        return Optional.of(new TempBufferPlan(functions, provenance, fused(type, in)));
    }

    /** Every function's {@code memory_usage}, or empty for a family §4.3 does not cover. */
    public static Optional<Map<String, Long>> functions(PlannerInput in) {
        return plan(in).map(TempBufferPlan::functions);
    }

    /** The compile report's "Temporary buffer" (max over functions), or empty for an uncovered family. */
    public static OptionalLong max(PlannerInput in) {
        return plan(in).map(p -> OptionalLong.of(p.maxBytes())).orElse(OptionalLong.empty());
    }

    /** FuseAddRMSNorm's condition (§4.3.2): RMSNorm family, f16/bf16 activations, h a multiple of TX. */
    static boolean fused(String type, PlannerInput in) {
        boolean rmsNorm = switch (type) {
            case "llama", "mistral", "qwen2", "phi3", "gemma", "gemma2" -> true;
            default -> false;
        };
        return rmsNorm && in.activationBytes() == 2 && in.hiddenSize() % in.fuseThreads() == 0;
    }

    private static Optional<LayerSequence> sequence(String type, PlannerInput in) {
        boolean fused = fused(type, in);
        return Optional.ofNullable(switch (type) {
            case "llama", "mistral", "qwen2", "phi3" -> fused ? LayerSequence.LLAMA_FUSED : LayerSequence.LLAMA;
            case "gemma" -> fused ? LayerSequence.GEMMA_FUSED : LayerSequence.GEMMA;
            case "gemma2" -> fused ? LayerSequence.GEMMA2_FUSED : LayerSequence.GEMMA2;
            case "gpt_neox" -> LayerSequence.GPT_NEOX;
            case "phi", "phi-msft" -> in.earlyQ4Phi() ? LayerSequence.PHI_EARLY_Q4 : LayerSequence.PHI;
            default -> null;
        });
    }
}
