package dev.kvlens.model.planner;

/**
 * The widths of MLC's per-layer tensors, in elements per row and per tensor-parallel shard (rules §4.3.3).
 * {@link #VOCAB} is the logits' width; logits are f32 (4 bytes per element), everything else has the activation
 * dtype.
 */
enum Width {
    /** h: {@code hidden_size} (never sharded). */
    HIDDEN("h"),
    /** (q + 2·kv)·d: the fused qkv projection. */
    QKV("qkv"),
    /** q·d: the attention output. */
    ATTENTION("qd"),
    /** W = 2·I: the fused gate_up projection. */
    GATE_UP("W"),
    /** I: {@code intermediate_size}. */
    INTERMEDIATE("I"),
    /** V: {@code vocab_size}, f32. */
    VOCAB("V");

    private final String symbol;

    Width(String symbol) {
        this.symbol = symbol;
    }

    static Width of(String symbol) {
        for (Width width : values()) {
            if (width.symbol.equals(symbol)) {
                return width;
            }
        }
        throw new IllegalArgumentException("unknown width " + symbol);
    }
}
