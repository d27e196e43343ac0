package dev.kvlens.model.library;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.text.Phrase;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.model.architecture.ArchitectureDetails.Moe;

/**
 * KV Lens's model of the largest per-function temporary buffer when the library's
 * {@code memory_usage} is not known (rules §4.2). It is not MLC code; results are flagged approximate.
 *
 * <p>tempFunc ≈ S_c × (2·W + W/2 + n_h·h) × a + [S_c × V × 4 when logits use a concrete vocab],
 * with W = 2 × intermediate / TP, h = hidden size, a = activation bytes.
 *
 * <p>§4.2 is fitted to dense gated MLPs and says nothing about MoE. For an MoE layer KV Lens takes the width MLC's
 * MoE code really materialises per token (read in {@code mixtral_model.py} and its MoE siblings at 79d603f0): the
 * routed tokens are gathered to [S·k, h] and pass the experts' gate_up as [S·k, 2·moe_intermediate], so the routed
 * gate_up width is 2·k·moe_intermediate, plus the shared expert's 2·shared_intermediate where there is one. W is the
 * wider of that and the dense MLP's 2·intermediate when dense layers remain. The detail says so: an estimate, not a
 * checked figure.
 */
public final class TempBufferHeuristic {

    private TempBufferHeuristic() {
    }

    /** The heuristic bytes for one compiled library. */
    public static ByteFigure estimate(ModelGeometry g, Quantization q, CompileConfig compile) {
        long chunk = compile.prefillChunkSize();
        Moe moe = g.details().moe();
        boolean routed = moe != null && moe.numExpertsPerToken() > 0;
        long gateUpWidth = 2L * (routed ? moeWidth(g, moe) : g.intermediateSize()) / compile.tensorParallelShards();
        long perToken = 2 * gateUpWidth + gateUpWidth / 2 + (long) g.family().heuristicHiddenTerms() * g.hiddenSize();
        long bytes = chunk * perToken * q.modelDtypeBytes();
        if (g.family().concreteVocabLogits()) {
            bytes += chunk * g.vocabSize() * 4L;
        }
        return new ByteFigure(bytes, ByteFigure.Provenance.HEURISTIC,
                routed ? Phrase.of("model.figure.heuristicMoe", String.valueOf(chunk),
                        String.valueOf(moe.numExpertsPerToken()), String.valueOf(moe.intermediateSize()))
                        : Phrase.of("model.figure.heuristic", String.valueOf(chunk)));
    }

    /** The widest MLP a token passes: k routed experts plus the shared expert, or a remaining dense layer's. */
    private static long moeWidth(ModelGeometry g, Moe moe) {
        long routed = (long) moe.numExpertsPerToken() * moe.intermediateSize() + moe.sharedIntermediateSize();
        return moe.hasDenseLayers() ? Math.max(routed, g.intermediateSize()) : routed;
    }
}
