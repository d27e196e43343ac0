package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.ChatConfigValues;
import dev.kvlens.model.CompileConfig;
import dev.kvlens.model.GenConfigDefaults;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.ModelFamily;
import dev.kvlens.model.ModelGeometry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a Hugging Face {@code config.json} (Llama/Llama-3.x, Mistral, Qwen2/2.5/3, Phi-2/3/3.5, Gemma 2,
 * GPT-NeoX, DeepSeek-R1-Distill, RWKV) and applies the compile-time defaults gen_config would choose.
 */
public final class HfConfigReader {

    private static final int MAX_DIM = 1 << 24;
    private static final int MAX_TOKENS = Integer.MAX_VALUE;

    private HfConfigReader() {
    }

    /** Reads a config.json; the model is named after its folder. */
    public static ModelDescription read(Path path) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Path parent = path.toAbsolutePath().getParent();
        String folder = parent == null || parent.getFileName() == null ? file : parent.getFileName().toString();
        return parse(file, folder, Json.readFile(path));
    }

    /** Interprets a parsed config; {@code sourceName} appears in errors, {@code modelName} labels the model. */
    public static ModelDescription parse(String sourceName, String modelName, JsonNode root) {
        JsonFields c = new JsonFields(sourceName, "", root);
        String modelType = c.requireString("model_type");
        ModelFamily family = ModelFamily.fromModelType(modelType);
        int layers = c.requireInt("num_hidden_layers", 1, MAX_DIM);
        int hidden = c.requireInt("hidden_size", 1, MAX_DIM);
        int heads;
        int headDim;
        if (family == ModelFamily.RWKV) {
            headDim = c.requireInt("head_size", 1, MAX_DIM);
            heads = hidden / headDim;
            if (heads == 0) {
                throw c.error("head_size", "(" + headDim + ") is larger than hidden_size (" + hidden + ")");
            }
        } else {
            heads = c.requireInt("num_attention_heads", 1, MAX_DIM);
            headDim = c.optionalInt("head_dim", 1, MAX_DIM).orElse(hidden / heads);
            if (headDim == 0) {
                throw c.error("num_attention_heads", "(" + heads + ") is larger than hidden_size (" + hidden + ")");
            }
        }
        int kvHeads = c.optionalInt("num_key_value_heads", 1, MAX_DIM).orElse(heads);
        if (heads % kvHeads != 0) {
            throw c.error("num_key_value_heads", "(" + kvHeads + ") must divide num_attention_heads (" + heads + ")");
        }
        int vocab = c.requireInt("vocab_size", 1, MAX_DIM);
        int intermediate = c.optionalInt("intermediate_size", 1, MAX_DIM)
                .orElse(family == ModelFamily.GPT_NEOX || family == ModelFamily.PHI ? 4 * hidden : 0);
        // MLC reads the key with a False default; Gemma always shares its embedding whatever the key says.
        boolean tied = c.optionalBoolean("tie_word_embeddings",
                family == ModelFamily.GEMMA || family == ModelFamily.GEMMA2);
        boolean attentionBias = c.optionalBoolean("attention_bias", false);
        ModelGeometry geometry = new ModelGeometry(modelType, family, layers, heads, kvHeads, headDim, hidden,
                intermediate, vocab, tied, attentionBias);

        int maxPositions = c.optionalInt("max_position_embeddings", 1, MAX_TOKENS)
                .orElseGet(() -> c.optionalInt("max_sequence_length", 1, MAX_TOKENS).orElse(-1));
        int sliding = c.optionalInt("sliding_window", 1, MAX_TOKENS).orElse(-1);
        int context = GenConfigDefaults.contextWindowSize(family, maxPositions, sliding);
        if (context == -1 && GenConfigDefaults.slidingWindowSize(family, sliding) == -1 && family != ModelFamily.RWKV) {
            throw c.error("max_position_embeddings", "is missing, so the context window cannot be determined");
        }
        int prefill = GenConfigDefaults.prefillChunkSize(family, context, sliding);
        CompileConfig compile;
        try {
            compile = new CompileConfig(context, prefill, CompileConfig.DEFAULT_MAX_BATCH_SIZE, 1, 1,
                    GenConfigDefaults.slidingWindowSize(family, sliding));
        } catch (IllegalArgumentException e) {
            throw new InputException(sourceName, "", e.getMessage());
        }
        return new ModelDescription(modelName, modelName, geometry, Optional.empty(), compile,
                ChatConfigValues.matching(compile), sourceName);
    }
}
