package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;

import java.util.Optional;

/**
 * Reads a model's geometry the way each MLC model config class does (rules §10): the per-type key names
 * (GPT-2's {@code n_embd}, ChatGLM's {@code num_layers}, RWKV's {@code head_size}), the field defaults of
 * the dataclass, nested {@code text_config} flattening (gemma3, llama4, qwen3_5, llava, ministral3), MoE
 * counts, MLA and linear-attention dimensions. Works on an HF {@code config.json} and on the
 * {@code model_config} of an mlc-chat-config alike (gen_config writes the same field names).
 */
final class ArchitectureReader {

    static final int MAX_DIM = 1 << 24;
    private static final int MAX_TOKENS = Integer.MAX_VALUE;

    /**
     * @param geometry      the model
     * @param positions     the context source of the type's key rule ({@code max_position_embeddings} and
     *                      friends, or an explicit {@code context_window_size}); -1 when absent
     * @param slidingWindow the config's sliding window, -1 when absent or null
     */
    record Result(ModelGeometry geometry, int positions, int slidingWindow) {
    }

    private ArchitectureReader() {
    }

    static Result read(String source, String prefix, JsonNode root, String modelType) {
        Optional<ModelType> type = ModelType.find(modelType);
        ModelFamily family = ModelFamily.fromModelType(modelType);
        boolean nested = switch (family) {
            case GEMMA3, LLAMA4, QWEN3_5, LLAVA, MINISTRAL3 -> true;
            default -> false;
        };
        LayeredFields c = LayeredFields.of(source, prefix, root, nested);
        JsonNode text = root.get("text_config");
        if (family == ModelFamily.LLAVA && text != null && text.has("_name_or_path") && !text.has("num_hidden_layers")) {
            // LlavaConfig fetches this text model's config from Hugging Face (llava_model.py::get_hf_config)
            throw c.error("text_config", "io.llava.textConfigByName", text.get("_name_or_path").asText());
        }
        // MLC's own field (mistral, ministral3, gemma3 text) wins over HF's sliding_window
        int sliding = c.optionalInt("sliding_window_size", -1, MAX_TOKENS)
                .orElseGet(() -> c.optionalInt("sliding_window", -1, MAX_TOKENS).orElse(-1));
        if (sliding == 0) {
            sliding = -1;
        }
        int positions = positions(c, family, type);
        ModelGeometry geometry = switch (family) {
            case GPT2, GPT_BIGCODE, GPTJ -> GptStyleConfigs.gpt(c, modelType, family, positions);
            case PHI -> GptStyleConfigs.phi(c, modelType);
            case CHATGLM -> GptStyleConfigs.chatglm(c, modelType);
            case RWKV -> GptStyleConfigs.rwkv(c, modelType);
            case MEDUSA -> GptStyleConfigs.medusa(c, modelType);
            default -> standard(c, modelType, family, positions);
        };
        return new Result(geometry, positions, sliding);
    }

    /** The type's context key rule (rules §2.2); an explicit context_window_size wins as in every config class. */
    private static int positions(LayeredFields c, ModelFamily family, Optional<ModelType> type) {
        int explicit = c.optionalInt("context_window_size", -1, MAX_TOKENS).orElse(0);
        if (explicit != 0 && family != ModelFamily.GEMMA3) {
            return explicit;
        }
        return switch (family) {
            case GPT2 -> c.firstInt(1, MAX_TOKENS, -1, "n_positions", "max_sequence_length");
            case GPT_BIGCODE -> c.firstInt(1, MAX_TOKENS, -1, "n_positions");
            case GPTJ -> c.firstInt(1, MAX_TOKENS, -1, "max_position_embeddings", "n_positions");
            case CHATGLM -> c.firstInt(1, MAX_TOKENS, -1, "max_position_embeddings", "seq_length");
            case PHI -> c.firstInt(1, MAX_TOKENS, type.orElse(ModelType.PHI) == ModelType.PHI ? -1 : 2048,
                    "max_position_embeddings", "max_sequence_length", "n_positions");
            case RWKV, MEDUSA -> -1;
            default -> c.firstInt(1, MAX_TOKENS, -1, "max_position_embeddings", "max_sequence_length");
        };
    }

    /** Llama-style configs and every registry type that uses HF's standard key names. */
    private static ModelGeometry standard(LayeredFields c, String modelType, ModelFamily family, int positions) {
        boolean gemma3 = family == ModelFamily.GEMMA3;
        boolean qwen35 = family == ModelFamily.QWEN3_5;
        int layers = c.requireInt("num_hidden_layers", 1, MAX_DIM);
        int hidden = c.requireInt("hidden_size", 1, MAX_DIM);
        int heads = gemma3 ? c.intOr("num_attention_heads", 1, MAX_DIM, 8) : c.requireInt("num_attention_heads", 1, MAX_DIM);
        boolean allHeadsKv = family == ModelFamily.BAICHUAN || family == ModelFamily.INTERNLM
                || family == ModelFamily.QWEN || family == ModelFamily.BERT;
        int kvHeads = allHeadsKv ? heads
                : c.intOr("num_key_value_heads", 1, MAX_DIM, gemma3 ? 4 : heads);
        int headDim = switch (family) {
            case BAICHUAN, QWEN, MINICPM, BERT -> hidden / heads;
            case GEMMA3, QWEN3_5 -> c.intOr("head_dim", 1, MAX_DIM, 256);
            case DEEPSEEK_V2 -> c.requireInt("qk_nope_head_dim", 1, MAX_DIM) + c.requireInt("qk_rope_head_dim", 1, MAX_DIM);
            default -> c.intOr("head_dim", 1, MAX_DIM, hidden / heads);
        };
        if (headDim == 0) {
            throw c.error("num_attention_heads", "io.heads.largerThanHidden", String.valueOf(heads), String.valueOf(hidden));
        }
        if (heads % kvHeads != 0) {
            throw c.error("num_key_value_heads", "io.heads.kvMustDivide", String.valueOf(kvHeads), String.valueOf(heads));
        }
        int intermediate = c.optionalInt("intermediate_size", 1, MAX_DIM)
                .orElse(family == ModelFamily.GPT_NEOX || family == ModelFamily.BERT ? 4 * hidden : 0);
        int vocab = switch (family) {
            // the symbolic vocab dimension is resolved from the top-level config field (default in the class)
            case GEMMA3 -> c.nested() ? c.top().optionalInt("vocab_size", 1, MAX_DIM).orElse(262_208)
                    : c.intOr("vocab_size", 1, MAX_DIM, 262_208);
            case LLAMA4 -> c.top().optionalInt("vocab_size", 1, MAX_DIM).orElse(202_048);
            default -> c.requireInt("vocab_size", 1, MAX_DIM);
        };
        boolean tiedDefault = family == ModelFamily.GEMMA || family == ModelFamily.GEMMA2 || gemma3
                || family == ModelFamily.COHERE;
        boolean tied = tiedDefault || c.optionalBoolean("tie_word_embeddings", false);
        boolean attentionBias = c.optionalBoolean("attention_bias", false);
        ArchitectureDetails details = DetailsConfigs.details(c, family, qwen35, layers, hidden, intermediate, positions);
        return new ModelGeometry(modelType, family, layers, heads, kvHeads, headDim, hidden, intermediate, vocab, tied,
                attentionBias, details);
    }
}
