package dev.kvlens.model;

import java.util.Locale;

/**
 * The MLC-LLM model implementations KV Lens knows the parameter layout of. The runtime estimate
 * needs none of this (it reads only the KV-cache geometry); the family matters for parameter bytes
 * (rules §5), the temporary-buffer heuristic (§4.2) and the compile report's per-token line (§1.2).
 */
public enum ModelFamily {
    LLAMA(false, 2, true),
    MISTRAL(false, 2, true),
    QWEN2(true, 3, true),
    QWEN3(true, 3, true),
    PHI3(false, 2, true),
    GEMMA(false, 2, true),
    GEMMA2(false, 2, true),
    GPT_NEOX(false, 2, false),
    PHI(false, 2, true),
    RWKV(false, 2, false),
    /** Any other {@code model_type}: the runtime estimate works, parameter bytes must be given. */
    UNKNOWN(false, 2, false);

    private final boolean concreteVocabLogits;
    private final int heuristicHiddenTerms;
    private final boolean configHasKvGeometry;

    ModelFamily(boolean concreteVocabLogits, int heuristicHiddenTerms, boolean configHasKvGeometry) {
        this.concreteVocabLogits = concreteVocabLogits;
        this.heuristicHiddenTerms = heuristicHiddenTerms;
        this.configHasKvGeometry = configHasKvGeometry;
    }

    /**
     * Whether the model declares logits with a concrete {@code vocab_size}, so the compile-time
     * memory planner counts them in the temporary buffer (rules §1.1, §4.2).
     */
    public boolean concreteVocabLogits() {
        return concreteVocabLogits;
    }

    /** The n_h factor of the §4.2 heuristic (hidden-size buffers alive in the largest function). */
    public int heuristicHiddenTerms() {
        return heuristicHiddenTerms;
    }

    /**
     * Whether MLC's config dataclass has {@code head_dim}, {@code num_hidden_layers} and
     * {@code num_key_value_heads}, the condition for the compile report's per-token line (§1.2).
     */
    public boolean configHasKvGeometry() {
        return configHasKvGeometry;
    }

    /** Whether the engine takes the RNN-state path ({@code model_type} contains "rwkv", §3.7). */
    public boolean usesRnnState() {
        return this == RWKV;
    }

    /** Whether KV Lens can compute parameter bytes from geometry for this family. */
    public boolean hasKnownLayout() {
        return this != UNKNOWN && this != RWKV;
    }

    /** Maps a {@code model_type} (MLC's or Hugging Face's) to a family. */
    public static ModelFamily fromModelType(String modelType) {
        String type = modelType == null ? "" : modelType.trim().toLowerCase(Locale.ROOT);
        if (type.contains("rwkv")) {
            return RWKV;
        }
        return switch (type) {
            case "llama" -> LLAMA;
            case "mistral" -> MISTRAL;
            case "qwen2" -> QWEN2;
            case "qwen3" -> QWEN3;
            case "phi3" -> PHI3;
            case "gemma" -> GEMMA;
            case "gemma2" -> GEMMA2;
            case "gpt_neox" -> GPT_NEOX;
            case "phi", "phi-msft", "mixformer-sequential" -> PHI;
            default -> UNKNOWN;
        };
    }
}
