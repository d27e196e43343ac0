package dev.kvlens.model.planner;

/**
 * Tensor sizes of one build at their upper bounds (rules §1.1 bounds, §4.3.3 widths per shard): bytes per
 * {@link Rows} × {@link Width} for a function of n tokens. Logits are f32 and count only with a concrete
 * lm-head vocab; a symbolic one gives them size 0 here.
 *
 * @param widths         elements per row, by {@link Width} ordinal
 * @param activation     a, bytes per activation element
 * @param batch          B
 * @param countLogits    whether the logits' vocab is concrete (§1.1)
 */
record PlanGeometry(long[] widths, int activation, int batch, boolean countLogits) {

    private static final Rows[] ROWS = Rows.values();
    private static final Width[] WIDTHS = Width.values();

    static PlanGeometry of(PlannerInput in, boolean countLogits) {
        long tp = in.tensorParallelShards();
        long d = in.headDim();
        long q = in.numAttentionHeads() / tp;
        long kv = Math.max(1, in.numKeyValueHeads() / tp);
        long[] widths = new long[WIDTHS.length];
        widths[Width.HIDDEN.ordinal()] = in.hiddenSize();
        widths[Width.QKV.ordinal()] = (q + 2 * kv) * d;
        widths[Width.ATTENTION.ordinal()] = q * d;
        widths[Width.GATE_UP.ordinal()] = 2L * in.intermediateSize() / tp;
        widths[Width.INTERMEDIATE.ordinal()] = in.intermediateSize() / tp;
        widths[Width.VOCAB.ordinal()] = in.vocabSize();
        return new PlanGeometry(widths, in.activationBytes(), in.maxBatchSize(), countLogits);
    }

    /** Upper-bound bytes by {@link Segment#sizeIndex} for a function whose token rows are {@code tokens}. */
    long[] bytes(int tokens) {
        long[] table = new long[ROWS.length * WIDTHS.length];
        for (Rows rows : ROWS) {
            long count = switch (rows) {
                case TOKENS -> tokens;
                case ONE -> 1;
                case BATCH -> batch;
            };
            for (Width width : WIDTHS) {
                long elements = count * widths[width.ordinal()];
                table[Segment.sizeIndex(rows, width)] = width == Width.VOCAB
                        ? (countLogits ? elements * 4 : 0)
                        : elements * activation;
            }
        }
        return table;
    }
}
