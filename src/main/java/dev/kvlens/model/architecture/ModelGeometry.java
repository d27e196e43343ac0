package dev.kvlens.model.architecture;

import java.util.Objects;
import java.util.Optional;

/**
 * The architecture of a model, unsharded, as its config states it (after MLC's {@code __post_init__}
 * defaults, rules §10).
 *
 * @param modelType          the config's {@code model_type}
 * @param family             the MLC implementation, derived from the model type
 * @param numHiddenLayers    transformer (or RWKV) layers, all of them (hybrid: attention and linear)
 * @param numAttentionHeads  query heads (RWKV: {@code num_heads})
 * @param numKeyValueHeads   key/value heads as the config states them (MLA: the config value, not the cache's 1)
 * @param headDim            per-head dimension (RWKV: {@code head_size}; MLA: qk_nope + qk_rope)
 * @param hiddenSize         model width
 * @param intermediateSize   MLP width; 0 when unknown (then parameter bytes cannot be computed)
 * @param vocabSize          vocabulary entries
 * @param tieWordEmbeddings  whether lm_head reuses the embedding table
 * @param attentionBias      whether attention projections carry biases (Qwen3's {@code attention_bias})
 * @param details            experts, latent attention, linear attention and other switches
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
        boolean attentionBias,
        ArchitectureDetails details) {

    public ModelGeometry {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(details, "details");
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("num_key_value_heads", numKeyValueHeads);
        requirePositive("head_dim", headDim);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("vocab_size", vocabSize);
        if (intermediateSize < 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.notNegative", "intermediate_size",
                    String.valueOf(intermediateSize));
        }
    }

    /** A plain dense model (no experts, no latent or linear attention). */
    public ModelGeometry(String modelType, ModelFamily family, int numHiddenLayers, int numAttentionHeads,
                         int numKeyValueHeads, int headDim, int hiddenSize, int intermediateSize, int vocabSize,
                         boolean tieWordEmbeddings, boolean attentionBias) {
        this(modelType, family, numHiddenLayers, numAttentionHeads, numKeyValueHeads, headDim, hiddenSize,
                intermediateSize, vocabSize, tieWordEmbeddings, attentionBias, ArchitectureDetails.NONE);
    }

    /** The same model with other details. */
    public ModelGeometry withDetails(ArchitectureDetails value) {
        return new ModelGeometry(modelType, family, numHiddenLayers, numAttentionHeads, numKeyValueHeads, headDim,
                hiddenSize, intermediateSize, vocabSize, tieWordEmbeddings, attentionBias, value);
    }

    /** The registry entry of this model type, if MLC has one (rules §10). */
    public Optional<ModelType> registryType() {
        return ModelType.find(modelType);
    }

    /** The metadata's {@code kv_state_kind}, by MLC's substring rule (rules §2.1). */
    public KvStateKind kvStateKind() {
        return KvStateKind.inferFrom(modelType);
    }

    /**
     * The KV-cache geometry MLC stores in the library metadata, per tensor-parallel shard (rules §2.1):
     * MLA keeps one latent head of kv_lora_rank + qk_rope_head_dim; a hybrid model counts only its
     * full-attention layers; a model without KV state ("none") stores zeros.
     */
    public KvCacheGeometry kvCache(int tensorParallelShards) {
        int q = numAttentionHeads / tensorParallelShards;
        if (kvStateKind() == KvStateKind.NONE) {
            return new KvCacheGeometry(0, 0, 0, 0);
        }
        if (details.mla() != null) {
            ArchitectureDetails.Mla mla = details.mla();
            return new KvCacheGeometry(numHiddenLayers, q, 1, mla.kvLoraRank() + mla.qkRopeHeadDim());
        }
        int layers = numHiddenLayers;
        if (details.linearAttention() != null) {
            layers = numHiddenLayers / details.linearAttention().fullAttentionInterval();
        }
        return new KvCacheGeometry(layers, q, numKeyValueHeads / tensorParallelShards, headDim);
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.positive", field, String.valueOf(value));
        }
    }
}
