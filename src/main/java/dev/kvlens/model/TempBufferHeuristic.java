package dev.kvlens.model;

/**
 * KV Lens's model of the largest per-function temporary buffer when the library's
 * {@code memory_usage} is not known (rules §4.2). It is not MLC code; results are flagged approximate.
 *
 * <p>tempFunc ≈ S_c × (2·W + W/2 + n_h·h) × a + [S_c × V × 4 when logits use a concrete vocab],
 * with W = 2 × intermediate / TP, h = hidden size, a = activation bytes.
 */
public final class TempBufferHeuristic {

    private TempBufferHeuristic() {
    }

    /** The heuristic bytes for one compiled library. */
    public static ByteFigure estimate(ModelGeometry g, Quantization q, CompileConfig compile) {
        long chunk = compile.prefillChunkSize();
        long gateUpWidth = 2L * g.intermediateSize() / compile.tensorParallelShards();
        long perToken = 2 * gateUpWidth + gateUpWidth / 2 + (long) g.family().heuristicHiddenTerms() * g.hiddenSize();
        long bytes = chunk * perToken * q.modelDtypeBytes();
        if (g.family().concreteVocabLogits()) {
            bytes += chunk * g.vocabSize() * 4L;
        }
        return new ByteFigure(bytes, ByteFigure.Provenance.HEURISTIC,
                "§4.2 heuristic for prefill_chunk_size " + chunk);
    }
}
