package dev.kvlens.io;

import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;

import static dev.kvlens.io.ArchitectureReader.MAX_DIM;

/**
 * Configs whose MLC class uses non-standard key names (rules §10): GPT-2, GPT-BigCode and GPT-J
 * ({@code n_embd}, {@code n_layer}, {@code n_head}, {@code n_inner}), phi-msft's PhiConfig, ChatGLM3,
 * RWKV5/6 and Medusa.
 */
final class GptStyleConfigs {

    private GptStyleConfigs() {
    }

    /** GPT-2 (positions = its context), GPT-BigCode (one KV head, {@code n_positions} rows) and GPT-J. */
    static ModelGeometry gpt(LayeredFields c, String modelType, ModelFamily family, int positions) {
        int hidden = c.requireInt("n_embd", 1, MAX_DIM);
        int layers = c.requireInt("n_layer", 1, MAX_DIM);
        int heads = c.requireInt("n_head", 1, MAX_DIM);
        int inner = c.optionalInt("n_inner", -1, MAX_DIM).orElse(-1);
        if (inner <= 0) {
            inner = 4 * hidden;
        }
        int kv = family == ModelFamily.GPT_BIGCODE ? 1 : heads;
        ArchitectureDetails details = ArchitectureDetails.NONE;
        if (family == ModelFamily.GPT2) {
            details = details.withTables(positions, 0);
        } else if (family == ModelFamily.GPT_BIGCODE) {
            details = details.withTables(c.requireInt("n_positions", 1, MAX_DIM), 0);
        }
        return new ModelGeometry(modelType, family, layers, heads, kv, headDim(c, hidden, heads), hidden, inner,
                c.requireInt("vocab_size", 1, MAX_DIM), false, false, details);
    }

    /** Phi-1/1.5/2: Phi1Config's HF names ({@code hidden_size}…) or PhiConfig's ({@code n_embd}…). */
    static ModelGeometry phi(LayeredFields c, String modelType) {
        boolean msft = c.has("n_embd");
        int hidden = msft ? c.requireInt("n_embd", 1, MAX_DIM) : c.intOr("hidden_size", 1, MAX_DIM, 2048);
        int layers = msft ? c.requireInt("n_layer", 1, MAX_DIM) : c.intOr("num_hidden_layers", 1, MAX_DIM, 24);
        int heads = msft ? c.requireInt("n_head", 1, MAX_DIM) : c.intOr("num_attention_heads", 1, MAX_DIM, 32);
        int kv = msft ? c.intOr("n_head_kv", 1, MAX_DIM, heads) : c.intOr("num_key_value_heads", 1, MAX_DIM, heads);
        int inner = msft ? c.intOr("n_inner", 0, MAX_DIM, 0) : c.intOr("intermediate_size", 1, MAX_DIM, 8192);
        if (inner <= 0) {
            inner = 4 * hidden;
        }
        int vocab = c.intOr("vocab_size", 1, MAX_DIM, 51200);
        if (heads % kv != 0) {
            throw c.error("num_key_value_heads", "io.heads.kvMustDivide", String.valueOf(kv), String.valueOf(heads));
        }
        return new ModelGeometry(modelType, ModelFamily.PHI, layers, heads, kv, headDim(c, hidden, heads), hidden, inner,
                vocab, false, false);
    }

    /** ChatGLM3: {@code num_layers}, {@code kv_channels}, {@code ffn_hidden_size}, multi-query groups. */
    static ModelGeometry chatglm(LayeredFields c, String modelType) {
        int hidden = c.requireInt("hidden_size", 1, MAX_DIM);
        int heads = c.requireInt("num_attention_heads", 1, MAX_DIM);
        int kv = c.optionalBoolean("multi_query_attention", false) ? c.requireInt("multi_query_group_num", 1, MAX_DIM) : heads;
        int headDim = c.intOr("kv_channels", 1, MAX_DIM, hidden / heads);
        int vocab = c.has("vocab_size") ? c.requireInt("vocab_size", 1, MAX_DIM) : c.requireInt("padded_vocab_size", 1, MAX_DIM);
        ArchitectureDetails details = ArchitectureDetails.NONE.withBiases(c.optionalBoolean("add_qkv_bias", false),
                c.optionalBoolean("add_bias_linear", false));
        return new ModelGeometry(modelType, ModelFamily.CHATGLM, c.requireInt("num_layers", 1, MAX_DIM), heads, kv, headDim,
                hidden, c.requireInt("ffn_hidden_size", 1, MAX_DIM), vocab, false, false, details);
    }

    /** RWKV5/6: heads = hidden / head_size; intermediate defaults to int(3.5·hidden) // 32 · 32. */
    static ModelGeometry rwkv(LayeredFields c, String modelType) {
        int hidden = c.requireInt("hidden_size", 1, MAX_DIM);
        int headSize = c.intOr("head_size", 1, MAX_DIM, 64);
        int heads = c.intOr("num_heads", 1, MAX_DIM, hidden / headSize);
        if (heads == 0) {
            throw c.error("head_size", "io.heads.largerThanHidden", String.valueOf(headSize), String.valueOf(hidden));
        }
        int inner = c.optionalInt("intermediate_size", 1, MAX_DIM).orElse((int) (hidden * 3.5) / 32 * 32);
        return new ModelGeometry(modelType, ModelFamily.RWKV, c.requireInt("num_hidden_layers", 1, MAX_DIM), heads, heads,
                headSize, hidden, inner, c.requireInt("vocab_size", 1, MAX_DIM), false, false);
    }

    /**
     * Medusa heads: no attention at all (kv_state_kind "none"); the geometry's head fields are placeholders
     * (one head of hidden size) and the layer count is {@code medusa_num_layers}.
     */
    static ModelGeometry medusa(LayeredFields c, String modelType) {
        int hidden = c.requireInt("hidden_size", 1, MAX_DIM);
        int heads = c.requireInt("medusa_num_heads", 1, MAX_DIM);
        int layers = c.requireInt("medusa_num_layers", 1, MAX_DIM);
        ArchitectureDetails details = ArchitectureDetails.NONE.withDraft(new ArchitectureDetails.Draft(heads, layers, true));
        return new ModelGeometry(modelType, ModelFamily.MEDUSA, layers, 1, 1, hidden, hidden, 0,
                c.requireInt("vocab_size", 1, MAX_DIM), false, false, details);
    }

    private static int headDim(LayeredFields c, int hidden, int heads) {
        int d = hidden / heads;
        if (d == 0) {
            throw c.error("n_head", "io.heads.largerThanHiddenSize", String.valueOf(heads), String.valueOf(hidden));
        }
        return d;
    }
}
