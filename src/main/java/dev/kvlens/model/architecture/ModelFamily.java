package dev.kvlens.model.architecture;

import java.util.Locale;

/**
 * The MLC-LLM model implementations (one per model file of {@code python/mlc_llm/model/}). Several
 * registry types share one implementation (phi and phi-msft, rwkv5 and rwkv6, deepseek_v2 and v3, …);
 * the per-type facts of the registry (rules §10) are in {@link ModelType}. The runtime estimate needs
 * none of this (it reads only the KV-cache geometry); the family matters for parameter bytes (rules §5),
 * the temporary-buffer heuristic (§4.2) and the compile report (§1.2).
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
    RWKV(true, 2, false),
    LLAMA4(false, 2, false),
    MINISTRAL3(true, 2, true),
    GEMMA3(false, 2, false),
    GPT2(false, 2, false),
    MIXTRAL(false, 2, true),
    GPT_BIGCODE(false, 2, false),
    PHI3V(false, 2, true),
    QWEN(true, 2, false),
    QWEN2_MOE(true, 3, true),
    QWEN3_MOE(true, 3, true),
    QWEN3_5(true, 3, true),
    DEEPSEEK(true, 2, true),
    DEEPSEEK_V2(true, 2, false),
    STABLELM(true, 2, true),
    BAICHUAN(true, 2, false),
    INTERNLM(true, 2, false),
    INTERNLM2(true, 2, true),
    ORION(false, 2, true),
    LLAVA(false, 2, false),
    CHATGLM(true, 2, false),
    EAGLE(false, 2, true),
    BERT(true, 2, false),
    MEDUSA(true, 2, false),
    STARCODER2(true, 2, true),
    COHERE(false, 2, true),
    MINICPM(true, 2, true),
    GPTJ(true, 2, false),
    OLMO(true, 2, true),
    OLMO2(true, 2, true),
    NEMOTRON(false, 2, true),
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
     * {@code num_key_value_heads} (§1.2). Family-level; {@link ModelType#printsPerTokenLine()} is exact
     * per registry type (phi-msft shares PHI but has no line).
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
        return this != UNKNOWN;
    }

    /** Maps a {@code model_type} (MLC's or Hugging Face's) to a family. */
    public static ModelFamily fromModelType(String modelType) {
        String type = modelType == null ? "" : modelType.trim().toLowerCase(Locale.ROOT);
        if (type.contains("rwkv")) {
            return RWKV;
        }
        return ModelType.find(type).map(ModelType::family).orElse(UNKNOWN);
    }
}
