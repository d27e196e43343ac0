package dev.kvlens.model.library;

import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelType;

import java.util.Locale;
import java.util.Optional;

/**
 * The compile-time defaults {@code mlc_llm gen_config} derives from a Hugging Face config (rules §2.2):
 * each model implementation's {@code __post_init__} picks the context window and the prefill chunk, and
 * gen_config's override rebuild runs it a second time on the result.
 */
public final class GenConfigDefaults {

    /** Gemma 3's text config leaves {@code context_window_size} at this field default (rules §2.2). */
    static final int GEMMA3_FIELD_CONTEXT = 131_072;
    /** Llama 4's class-level {@code max_position_embeddings} (4096 × 32), used whatever the HF config says. */
    public static final int LLAMA4_CONTEXT = 131_072;

    private GenConfigDefaults() {
    }

    /**
     * The context window MLC uses, from the value the type's own key rule found ({@code positions};
     * -1 when none): Gemma 2 replaces it by its sliding window; Gemma 3 by max(sliding window, 8192);
     * Mistral-style models with a sliding window have none (-1); RWKV and Medusa have none; Llama 4 is
     * always 131072.
     */
    public static int contextWindowSize(ModelType type, int positions, int slidingWindow) {
        return switch (type) {
            case GEMMA2 -> slidingWindow > 0 ? slidingWindow : positions;
            case GEMMA3, GEMMA3_TEXT -> Math.max(slidingWindow, 8192);
            case MISTRAL, MINISTRAL3 -> slidingWindow > 0 ? -1 : positions;
            case RWKV5, RWKV6, MEDUSA -> -1;
            case LLAMA4 -> LLAMA4_CONTEXT;
            default -> positions;
        };
    }

    /** The sliding window recorded in the metadata: Mistral-style models and Gemma 3 keep one (-1 otherwise). */
    public static int slidingWindowSize(ModelType type, int slidingWindow) {
        return switch (type) {
            case MISTRAL, MINISTRAL3, GEMMA3, GEMMA3_TEXT -> slidingWindow > 0 ? slidingWindow : -1;
            default -> -1;
        };
    }

    /**
     * The default prefill chunk for a type (rules §2.2 table), given the final context window, the
     * sliding window and the value the context was derived from ({@code positions}, for Gemma 2's
     * pre-replacement rule).
     */
    public static int prefillChunkSize(ModelType type, int contextWindow, int slidingWindow, int positions) {
        return prefillChunkSize(type, contextWindow, slidingWindow, positions, LayoutEra.CURRENT);
    }

    /**
     * The default prefill chunk of a gen_config run in an older era (rules §2.2 history): = context before
     * 2024-05-05, min(·, 2048) until 2024-09-18 for the 20 model files 66fd62df changed, internlm2's
     * 8192 window until 2024-12-06.
     */
    public static int prefillChunkSize(ModelType type, int contextWindow, int slidingWindow, int positions,
                                       LayoutEra era) {
        int currentCap = type.prefill() == ModelType.Prefill.R2048 ? 2048 : 8192;
        int cap = era.prefillCap(type, currentCap);
        if (cap == 0) {
            // until 23636e5c: the whole context, or the sliding window when there is no context limit
            return contextWindow > 0 || slidingWindow <= 0 ? contextWindow : slidingWindow;
        }
        return switch (type.prefill()) {
            case R8192, R2048, TEXT_MODEL -> capped(contextWindow, cap);
            case MISTRAL -> {
                int result = cap;
                if (slidingWindow > 0) {
                    result = Math.min(result, slidingWindow);
                }
                yield contextWindow > 0 ? Math.min(result, contextWindow) : result;
            }
            // R(8192) on max_position_embeddings, then the rebuild clamps it to min(context, 8192)
            case GEMMA2 -> {
                int first = capped(positions, cap);
                yield contextWindow > 0 && first > contextWindow ? Math.min(contextWindow, cap) : first;
            }
            case GEMMA3 -> Math.min(GEMMA3_FIELD_CONTEXT, 8192);
            case UNCAPPED, CONTEXT -> contextWindow;
            case FIXED_4096 -> 4096;
            case MINUS_ONE -> -1;
        };
    }

    private static int capped(int context, int cap) {
        return context > 0 ? Math.min(context, cap) : cap;
    }

    /** Family-level form kept for callers that have no registry type (an unknown model type uses R(8192)). */
    public static int contextWindowSize(ModelFamily family, int maxPositionEmbeddings, int slidingWindow) {
        return contextWindowSize(representative(family), maxPositionEmbeddings, slidingWindow);
    }

    /** Family-level form of {@link #slidingWindowSize(ModelType, int)}. */
    public static int slidingWindowSize(ModelFamily family, int slidingWindow) {
        return slidingWindowSize(representative(family), slidingWindow);
    }

    /** Family-level form of {@link #prefillChunkSize(ModelType, int, int, int)}. */
    public static int prefillChunkSize(ModelFamily family, int contextWindow, int slidingWindow) {
        return prefillChunkSize(representative(family), contextWindow, slidingWindow, contextWindow);
    }

    /** The registry type named like the family (phi for PHI, not phi-msft), else its first type. */
    private static ModelType representative(ModelFamily family) {
        Optional<ModelType> named = ModelType.find(family.name().toLowerCase(Locale.ROOT));
        if (named.isPresent() && named.get().family() == family) {
            return named.get();
        }
        for (ModelType type : ModelType.values()) {
            if (type.family() == family) {
                return type;
            }
        }
        return ModelType.LLAMA;
    }
}
