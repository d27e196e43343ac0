package dev.kvlens.model;

import java.util.Objects;

/**
 * The architecture of a model, unsharded, as its config states it.
 *
 * @param modelType          the config's {@code model_type}
 * @param family             the MLC implementation, derived from the model type
 * @param numHiddenLayers    transformer (or RWKV) layers
 * @param numAttentionHeads  query heads (RWKV: {@code num_heads})
 * @param numKeyValueHeads   key/value heads
 * @param headDim            per-head dimension (RWKV: {@code head_size})
 * @param hiddenSize         model width
 * @param intermediateSize   MLP width; 0 when unknown (then parameter bytes cannot be computed)
 * @param vocabSize          vocabulary entries
 * @param tieWordEmbeddings  whether lm_head reuses the embedding table
 * @param attentionBias      whether attention projections carry biases (Qwen3's {@code attention_bias})
 */
public record ModelGeometry(
        String modelType,
        ModelFamily family,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int headDim,
        int hiddenSize,
        int intermediateSize,
        int vocabSize,
        boolean tieWordEmbeddings,
        boolean attentionBias) {

    public ModelGeometry {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(family, "family");
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("num_key_value_heads", numKeyValueHeads);
        requirePositive("head_dim", headDim);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("vocab_size", vocabSize);
        if (intermediateSize < 0) {
            throw new IllegalArgumentException("intermediate_size must not be negative, got " + intermediateSize);
        }
    }

    /** The KV-cache geometry MLC stores in the library metadata, per tensor-parallel shard (rules §2.1). */
    public KvCacheGeometry kvCache(int tensorParallelShards) {
        return new KvCacheGeometry(numHiddenLayers, numAttentionHeads / tensorParallelShards,
                numKeyValueHeads / tensorParallelShards, headDim);
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
