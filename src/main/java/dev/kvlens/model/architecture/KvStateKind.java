package dev.kvlens.model.architecture;

/**
 * The library metadata's {@code kv_state_kind}, chosen by substring of the model type exactly as
 * {@code compile.py::_infer_kv_state_kind} does (rules §2.1): "rwkv" → RNN state, "medusa" → none,
 * "qwen3_5" → hybrid, everything else (embedding models included) → paged KV cache.
 */
public enum KvStateKind {
    KV_CACHE("kv_cache"),
    RNN_STATE("rnn_state"),
    HYBRID("hybrid"),
    NONE("none");

    private final String metadataName;

    KvStateKind(String metadataName) {
        this.metadataName = metadataName;
    }

    /** The value MLC writes into the metadata. */
    public String metadataName() {
        return metadataName;
    }

    /** MLC's substring rule applied to a model type. */
    public static KvStateKind inferFrom(String modelType) {
        String type = modelType == null ? "" : modelType;
        if (type.contains("rwkv")) {
            return RNN_STATE;
        }
        if (type.contains("medusa")) {
            return NONE;
        }
        if (type.contains("qwen3_5")) {
            return HYBRID;
        }
        return KV_CACHE;
    }
}
