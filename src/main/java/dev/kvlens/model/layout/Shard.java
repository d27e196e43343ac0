package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ModelGeometry;

/**
 * One tensor-parallel shard's dimensions, as MLC's modules divide them: heads and MLP width by the
 * shard count; hidden size, vocab and head size whole (rules §1.1).
 */
record Shard(ModelGeometry g, int tp, long h, long d, long q, long kv, long i, long vocab) {

    static Shard of(ModelGeometry g, int tp) {
        return new Shard(g, tp, g.hiddenSize(), g.headDim(), g.numAttentionHeads() / tp,
                g.numKeyValueHeads() / tp, g.intermediateSize() / tp, g.vocabSize());
    }

    /** Width of a fused q/k/v projection. */
    long qkv() {
        return (q + 2 * kv) * d;
    }
}
