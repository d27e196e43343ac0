package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.model.architecture.Quantization;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads an {@code mlc-chat-config.json} (what {@code mlc_llm gen_config} writes) into a model description:
 * the fields of rules §2.2, top-level values winning over {@code model_config} as in {@code compile.py}.
 * Registry types are read with their own config class's field names and defaults (rules §10); any other
 * {@code model_type} works as long as {@code model_config} has the standard geometry.
 */
public final class ChatConfigReader {

    private static final int MAX_DIM = 1 << 24;
    private static final int MAX_TOKENS = Integer.MAX_VALUE;

    private ChatConfigReader() {
    }

    /** Reads a chat config file. */
    public static ModelDescription read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return parse(name, Json.readFile(path));
    }

    /** Interprets a parsed chat config; {@code sourceName} appears in error messages. */
    public static ModelDescription parse(String sourceName, JsonNode root) {
        JsonFields top = new JsonFields(sourceName, "", root);
        JsonFields config = top.object("model_config");
        String modelType = top.has("model_type") ? top.requireString("model_type") : config.requireString("model_type");
        ModelFamily family = ModelFamily.fromModelType(modelType);

        Optional<Quantization> quantization = Optional.empty();
        if (top.has("quantization")) {
            String scheme = top.requireString("quantization");
            quantization = Optional.of(Quantization.byName(scheme)
                    .orElseThrow(() -> top.error("quantization", "io.quantization.unknownNamed", scheme)));
        }

        ModelGeometry geometry = ModelType.find(modelType).isPresent()
                ? ArchitectureReader.read(sourceName, "model_config", root.get("model_config"), modelType).geometry()
                : geometry(config, modelType, family);
        int compileContext = contextValue(config, "context_window_size")
                .orElseGet(() -> contextValue(top, "context_window_size").orElse(-1));
        // Medusa heads keep MedusaConfig's -1 (rules §3.8): usable only as an additional model.
        int minPrefill = family == ModelFamily.MEDUSA ? -1 : 1;
        int compilePrefill = prefill(config, minPrefill);
        int maxBatch = config.optionalInt("max_batch_size", 1, MAX_TOKENS).orElse(CompileConfig.DEFAULT_MAX_BATCH_SIZE);
        int shards = top.optionalInt("tensor_parallel_shards", 1, 1024)
                .orElse(config.optionalInt("tensor_parallel_shards", 1, 1024).orElse(1));
        int stages = top.optionalInt("pipeline_parallel_stages", 1, 1024)
                .orElse(config.optionalInt("pipeline_parallel_stages", 1, 1024).orElse(1));
        int sliding = contextValue(top, "sliding_window_size")
                .orElseGet(() -> contextValue(config, "sliding_window_size").orElse(-1));

        CompileConfig compile = build(sourceName, () -> new CompileConfig(compileContext, compilePrefill, maxBatch,
                shards, stages, sliding));
        int runtimeContext = contextValue(top, "context_window_size").orElse(-1);
        int runtimePrefill = prefill(top, minPrefill);
        ChatConfigValues values = build(sourceName,
                () -> new ChatConfigValues(runtimeContext, runtimePrefill, compilePrefill));
        if (geometry.numAttentionHeads() % shards != 0 || geometry.numKeyValueHeads() % shards != 0) {
            throw top.error("tensor_parallel_shards", "io.shards.mustDivide", String.valueOf(shards),
                    String.valueOf(geometry.numAttentionHeads()), String.valueOf(geometry.numKeyValueHeads()));
        }
        String id = sourceName.replaceAll("\\.json$", "");
        return new ModelDescription(id, modelType + " (" + sourceName + ")", geometry, quantization, compile, values,
                sourceName);
    }

    private static ModelGeometry geometry(JsonFields config, String modelType, ModelFamily family) {
        int layers = config.requireInt("num_hidden_layers", 1, MAX_DIM);
        int heads;
        int headDim;
        if (family == ModelFamily.RWKV) {
            heads = config.requireInt("num_heads", 1, MAX_DIM);
            headDim = config.requireInt("head_size", 1, MAX_DIM);
        } else {
            heads = config.requireInt("num_attention_heads", 1, MAX_DIM);
            headDim = config.optionalInt("head_dim", 1, MAX_DIM).orElse(0);
        }
        int hidden = config.optionalInt("hidden_size", 1, MAX_DIM).orElse(0);
        if (headDim == 0) {
            if (hidden == 0) {
                throw config.error("head_dim", "io.headDim.missingNoHidden");
            }
            headDim = hidden / heads;
        }
        if (hidden == 0) {
            hidden = headDim * heads;
        }
        int kvHeads = config.optionalInt("num_key_value_heads", 1, MAX_DIM).orElse(heads);
        if (heads % kvHeads != 0) {
            throw config.error("num_key_value_heads", "io.heads.kvMustDivide", String.valueOf(kvHeads), String.valueOf(heads));
        }
        int vocab = config.requireInt("vocab_size", 1, MAX_DIM);
        int intermediate = config.optionalInt("intermediate_size", 1, MAX_DIM).orElse(0);
        boolean tied = config.optionalBoolean("tie_word_embeddings", false);
        boolean attentionBias = config.optionalBoolean("attention_bias", false);
        return new ModelGeometry(modelType, family, layers, heads, kvHeads, headDim, hidden, intermediate, vocab,
                tied, attentionBias);
    }

    private static int prefill(JsonFields fields, int min) {
        int value = fields.requireInt("prefill_chunk_size", min, MAX_TOKENS);
        if (value == 0) {
            throw fields.error("prefill_chunk_size", "io.field.positiveOrMinusOne");
        }
        return value;
    }

    /** A window size: -1 or positive; null and absent are empty. */
    private static Optional<Integer> contextValue(JsonFields fields, String name) {
        if (!fields.has(name)) {
            return Optional.empty();
        }
        int value = fields.requireInt(name, -1, MAX_TOKENS);
        if (value == 0) {
            throw fields.error(name, "io.field.positiveOrMinusOne");
        }
        return Optional.of(value);
    }

    private static <T> T build(String source, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "", ReportedProblems.of(e));
        }
    }
}
