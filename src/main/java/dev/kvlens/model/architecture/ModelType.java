package dev.kvlens.model.architecture;

import java.util.Locale;
import java.util.Optional;

/**
 * The 47 entries of MLC-LLM's model-type registry ({@code python/mlc_llm/model/model.py}, rules §10) with
 * the per-type facts the estimator needs: the implementation, the gen_config defaults (§2.2), whether the
 * compile report prints its per-token lines (§1.2), whether the lm-head vocab is concrete (§1.1) and which
 * quantization kinds the type accepts (§5, {@code make_quantization_functions} flags).
 *
 * <p>Scheme letters: {@code G} group, {@code F} FasterTransformer, {@code A} AWQ, {@code a} AWQ registered
 * but raising (Mixtral), {@code P} per-tensor fp8, {@code B} block-scale fp8. No-quant is always accepted.
 */
public enum ModelType {
    LLAMA("llama", ModelFamily.LLAMA, Prefill.R8192, true, false, "GFAP"),
    LLAMA4("llama4", ModelFamily.LLAMA4, Prefill.R8192, false, false, "GFP"),
    MISTRAL("mistral", ModelFamily.MISTRAL, Prefill.MISTRAL, true, false, "GF"),
    MINISTRAL3("ministral3", ModelFamily.MINISTRAL3, Prefill.MISTRAL, true, true, "GFB"),
    GEMMA("gemma", ModelFamily.GEMMA, Prefill.R8192, true, false, "G"),
    GEMMA2("gemma2", ModelFamily.GEMMA2, Prefill.GEMMA2, true, false, "G"),
    GEMMA3("gemma3", ModelFamily.GEMMA3, Prefill.GEMMA3, false, false, "G"),
    GEMMA3_TEXT("gemma3_text", ModelFamily.GEMMA3, Prefill.GEMMA3, false, false, "G"),
    GPT2("gpt2", ModelFamily.GPT2, Prefill.R8192, false, false, "GF"),
    MIXTRAL("mixtral", ModelFamily.MIXTRAL, Prefill.R8192, true, false, "GFaP"),
    GPT_NEOX("gpt_neox", ModelFamily.GPT_NEOX, Prefill.R8192, false, false, "GF"),
    GPT_BIGCODE("gpt_bigcode", ModelFamily.GPT_BIGCODE, Prefill.R8192, false, false, "GF"),
    PHI_MSFT("phi-msft", ModelFamily.PHI, Prefill.UNCAPPED, false, false, "GF"),
    PHI("phi", ModelFamily.PHI, Prefill.R8192, true, false, "GF"),
    PHI3("phi3", ModelFamily.PHI3, Prefill.R8192, true, false, "GF"),
    PHI3_V("phi3_v", ModelFamily.PHI3V, Prefill.R8192, true, false, "GF"),
    QWEN("qwen", ModelFamily.QWEN, Prefill.R8192, false, true, "GF"),
    QWEN2("qwen2", ModelFamily.QWEN2, Prefill.R8192, true, true, "GF"),
    QWEN2_MOE("qwen2_moe", ModelFamily.QWEN2_MOE, Prefill.R8192, true, true, "GF"),
    QWEN3("qwen3", ModelFamily.QWEN3, Prefill.R2048, true, true, "GFB"),
    QWEN3_EMBEDDING("qwen3-embedding", ModelFamily.QWEN3, Prefill.R2048, true, true, "GFB"),
    QWEN3_5("qwen3_5", ModelFamily.QWEN3_5, Prefill.R2048, true, true, "GF"),
    QWEN3_5_TEXT("qwen3_5_text", ModelFamily.QWEN3_5, Prefill.R2048, true, true, "GF"),
    QWEN3_MOE("qwen3_moe", ModelFamily.QWEN3_MOE, Prefill.R2048, true, true, "GFB"),
    DEEPSEEK_V2("deepseek_v2", ModelFamily.DEEPSEEK_V2, Prefill.R2048, false, true, "GF"),
    DEEPSEEK_V3("deepseek_v3", ModelFamily.DEEPSEEK_V2, Prefill.R2048, false, true, "GFB"),
    STABLELM("stablelm", ModelFamily.STABLELM, Prefill.R8192, true, true, "GF"),
    BAICHUAN("baichuan", ModelFamily.BAICHUAN, Prefill.R8192, false, true, "GF"),
    INTERNLM("internlm", ModelFamily.INTERNLM, Prefill.R8192, false, true, "GF"),
    INTERNLM2("internlm2", ModelFamily.INTERNLM2, Prefill.R2048, true, true, "GF"),
    RWKV5("rwkv5", ModelFamily.RWKV, Prefill.FIXED_4096, false, true, "GF"),
    ORION("orion", ModelFamily.ORION, Prefill.R8192, true, false, "G"),
    LLAVA("llava", ModelFamily.LLAVA, Prefill.TEXT_MODEL, false, false, "GA"),
    RWKV6("rwkv6", ModelFamily.RWKV, Prefill.FIXED_4096, false, true, "G"),
    CHATGLM("chatglm", ModelFamily.CHATGLM, Prefill.R8192, false, true, "G"),
    EAGLE("eagle", ModelFamily.EAGLE, Prefill.R8192, true, false, "GFA"),
    BERT("bert", ModelFamily.BERT, Prefill.CONTEXT, false, true, "GF"),
    MEDUSA("medusa", ModelFamily.MEDUSA, Prefill.MINUS_ONE, false, true, ""),
    STARCODER2("starcoder2", ModelFamily.STARCODER2, Prefill.R8192, true, true, "GF"),
    COHERE("cohere", ModelFamily.COHERE, Prefill.R8192, true, false, "GF"),
    MINICPM("minicpm", ModelFamily.MINICPM, Prefill.R8192, true, true, "GF"),
    DEEPSEEK("deepseek", ModelFamily.DEEPSEEK, Prefill.R8192, true, true, "GF"),
    GPTJ("gptj", ModelFamily.GPTJ, Prefill.R8192, false, true, "GF"),
    OLMO("olmo", ModelFamily.OLMO, Prefill.R8192, true, true, "GFAP"),
    OLMO2("olmo2", ModelFamily.OLMO2, Prefill.R8192, true, true, "GFP"),
    NEMOTRON("nemotron", ModelFamily.NEMOTRON, Prefill.R8192, true, false, "GFAP"),
    BERT_BGE("bert-bge", ModelFamily.BERT, Prefill.CONTEXT, false, true, "GF");

    /** How gen_config picks the default prefill chunk (rules §2.2). */
    public enum Prefill {
        /** min(context, 8192) when 0 or above the context. */
        R8192,
        /** min(context, 2048) when 0 or above the context. */
        R2048,
        /** min(sliding window, context, 8192), ignoring -1 terms. */
        MISTRAL,
        /** R(8192) on max_position_embeddings, then clamped to the 4096 sliding window. */
        GEMMA2,
        /** R(8192) on the text config's 131072 field default. */
        GEMMA3,
        /** = context, no cap (phi-msft's PhiConfig). */
        UNCAPPED,
        /** = context (bert). */
        CONTEXT,
        /** 4096, the RWKV field default. */
        FIXED_4096,
        /** -1 (Medusa). */
        MINUS_ONE,
        /** Taken from the nested text model (llava: Llama or Mistral rules). */
        TEXT_MODEL
    }

    private final String mlcName;
    private final ModelFamily family;
    private final Prefill prefill;
    private final boolean perTokenLine;
    private final boolean concreteVocab;
    private final String schemes;

    ModelType(String mlcName, ModelFamily family, Prefill prefill, boolean perTokenLine, boolean concreteVocab,
              String schemes) {
        this.mlcName = mlcName;
        this.family = family;
        this.prefill = prefill;
        this.perTokenLine = perTokenLine;
        this.concreteVocab = concreteVocab;
        this.schemes = schemes;
    }

    /** The registry key, as in {@code model_type} of a library and an mlc-chat-config. */
    public String mlcName() {
        return mlcName;
    }

    public ModelFamily family() {
        return family;
    }

    public Prefill prefill() {
        return prefill;
    }

    /** Whether {@code mlc_llm compile} prints the per-token and 4K lines for this type (rules §1.2). */
    public boolean printsPerTokenLine() {
        return perTokenLine;
    }

    /**
     * Whether the logits have a concrete vocab dimension, so the planner counts them (rules §1.1);
     * a tied phi3 takes them from its concrete embedding.
     */
    public boolean concreteVocabLogits(boolean tiedEmbeddings) {
        return concreteVocab || (this == PHI3 && tiedEmbeddings);
    }

    /** The metadata's {@code kv_state_kind} (rules §2.1). */
    public KvStateKind kvStateKind() {
        return KvStateKind.inferFrom(mlcName);
    }

    /** Embedding models ({@code model_task} "embedding") have no engine estimate (rules §3.9). */
    public boolean embeddingTask() {
        return family == ModelFamily.BERT || this == QWEN3_EMBEDDING;
    }

    /** Whether the type's quantize table has the scheme's kind (rules §5). */
    public boolean accepts(Quantization.Kind kind) {
        return switch (kind) {
            case NO_QUANT -> true;
            case GROUP -> schemes.indexOf('G') >= 0;
            case FASTER_TRANSFORMER -> schemes.indexOf('F') >= 0;
            case AWQ -> schemes.indexOf('A') >= 0 || schemes.indexOf('a') >= 0;
            case PER_TENSOR_FP8 -> schemes.indexOf('P') >= 0;
            case BLOCK_SCALE_FP8 -> schemes.indexOf('B') >= 0;
        };
    }

    /** Mixtral registers AWQ only to raise {@code NotImplementedError} (rules §5). */
    public boolean awqRaises() {
        return schemes.indexOf('a') >= 0;
    }

    /**
     * Looks a type up by its registry name; Hugging Face's older names for the same implementations
     * ({@code mixformer-sequential} → phi-msft) are accepted too.
     */
    public static Optional<ModelType> find(String modelType) {
        if (modelType == null) {
            return Optional.empty();
        }
        String type = modelType.trim().toLowerCase(Locale.ROOT);
        if (type.equals("mixformer-sequential")) {
            return Optional.of(PHI_MSFT);
        }
        for (ModelType t : values()) {
            if (t.mlcName.equals(type)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
