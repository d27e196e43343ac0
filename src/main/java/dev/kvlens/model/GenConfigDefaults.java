package dev.kvlens.model;

/**
 * The compile-time defaults {@code mlc_llm gen_config} derives from a Hugging Face config (rules §2.2):
 * each model implementation's {@code __post_init__} picks the context window and the prefill chunk.
 */
public final class GenConfigDefaults {

    private GenConfigDefaults() {
    }

    /**
     * The context window MLC uses: Gemma 2 replaces it by its sliding window; Mistral with a sliding
     * window has none (-1); others use {@code max_position_embeddings}.
     */
    public static int contextWindowSize(ModelFamily family, int maxPositionEmbeddings, int slidingWindow) {
        if (family == ModelFamily.GEMMA2 && slidingWindow > 0) {
            return slidingWindow;
        }
        if (family == ModelFamily.MISTRAL && slidingWindow > 0) {
            return -1;
        }
        return maxPositionEmbeddings;
    }

    /** The sliding window recorded in the metadata: only Mistral-style models carry one (-1 otherwise). */
    public static int slidingWindowSize(ModelFamily family, int slidingWindow) {
        return family == ModelFamily.MISTRAL && slidingWindow > 0 ? slidingWindow : -1;
    }

    /** The default prefill chunk: min(context, 8192) for most, 2048 for the Qwen and Phi-2 families. */
    public static int prefillChunkSize(ModelFamily family, int contextWindow, int slidingWindow) {
        int cap = switch (family) {
            case QWEN2, QWEN3, PHI -> 2048;
            case RWKV -> 4096;
            default -> 8192;
        };
        int result = cap;
        if (contextWindow > 0) {
            result = Math.min(result, contextWindow);
        }
        if (family == ModelFamily.MISTRAL && slidingWindow > 0) {
            result = Math.min(result, slidingWindow);
        }
        return result;
    }
}
