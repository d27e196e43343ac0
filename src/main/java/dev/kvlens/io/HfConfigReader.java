package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.GenConfigDefaults;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.text.Phrase;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a Hugging Face {@code config.json} of any type in MLC's registry (rules §10) and applies the
 * compile-time defaults gen_config would choose (§2.2). Types outside the registry are read with the
 * standard key names and Llama's defaults, so the runtime estimate still works.
 */
public final class HfConfigReader {

    private HfConfigReader() {
    }

    /** The geometry and the gen_config defaults of a config, before they become a model description. */
    public record Defaults(ModelGeometry geometry, int contextWindowSize, int prefillChunkSize, int slidingWindowSize) {
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
        Defaults d = defaults(sourceName, root);
        if (d.prefillChunkSize() <= 0) {
            throw new InputException(sourceName, "model_type", Phrase.of("io.hf.draftModel",
                    d.geometry().modelType()));
        }
        CompileConfig compile;
        try {
            compile = new CompileConfig(d.contextWindowSize(), d.prefillChunkSize(), CompileConfig.DEFAULT_MAX_BATCH_SIZE,
                    1, 1, d.slidingWindowSize());
        } catch (IllegalArgumentException e) {
            throw new InputException(sourceName, "", ReportedProblems.of(e));
        }
        return new ModelDescription(modelName, modelName, d.geometry(), Optional.empty(), compile,
                ChatConfigValues.matching(compile), sourceName);
    }

    /** The geometry and the defaults MLC's config class derives for this config (rules §2.2, §10). */
    public static Defaults defaults(String sourceName, JsonNode root) {
        return defaults(sourceName, "", root);
    }

    /** As {@link #defaults(String, JsonNode)} for a config nested at {@code prefix} of a larger file. */
    static Defaults defaults(String sourceName, String prefix, JsonNode root) {
        JsonFields c = new JsonFields(sourceName, prefix, root);
        String modelType = c.requireString("model_type");
        ModelType type = ModelType.find(modelType).orElse(ModelType.LLAMA);
        if (type == ModelType.LLAVA) {
            type = "mistral".equals(new JsonFields(sourceName, prefix, c.has("text_config")
                    ? root.get("text_config") : root).optionalString("model_type")) ? ModelType.MISTRAL : ModelType.LLAMA;
        }
        ArchitectureReader.Result r = ArchitectureReader.read(sourceName, prefix, root, modelType);
        int context = GenConfigDefaults.contextWindowSize(type, r.positions(), r.slidingWindow());
        int sliding = GenConfigDefaults.slidingWindowSize(type, r.slidingWindow());
        if (context == -1 && sliding == -1 && r.geometry().kvStateKind() == dev.kvlens.model.architecture.KvStateKind.KV_CACHE) {
            throw c.error("max_position_embeddings", "io.hf.noContextWindow");
        }
        int explicitPrefill = c.optionalInt("prefill_chunk_size", 1, Integer.MAX_VALUE).orElse(0);
        int prefill = GenConfigDefaults.prefillChunkSize(type, context, sliding, r.positions());
        if (explicitPrefill > 0 && (context <= 0 || explicitPrefill <= context)) {
            prefill = explicitPrefill;
        }
        return new Defaults(r.geometry(), context, prefill, sliding);
    }
}
