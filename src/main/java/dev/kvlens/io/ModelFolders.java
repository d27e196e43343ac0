package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.text.Phrase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a model folder as {@code mlc_llm serve MODEL} takes one (the {@code --model} of the CLI):
 * <ul>
 *   <li>an MLC weights folder ({@code mlc_llm convert_weight} output, what {@code HF://mlc-ai/...-MLC} downloads):
 *       {@code mlc-chat-config.json} for the model and its compile-time limits, and {@code tensor-cache.json} (older
 *       name {@code ndarray-cache.json}) whose records' {@code nbytes} sum to MLC's parameter bytes (rules §1.1);</li>
 *   <li>a Hugging Face model folder: {@code config.json}, with the limits gen_config would choose, and the weights'
 *       dtype from a safetensors header when there is one.</li>
 * </ul>
 * Only those files are opened; the folder is never listed.
 */
public final class ModelFolders {

    /** Names of the tensor cache, newest first. */
    static final List<String> TENSOR_CACHES = List.of("tensor-cache.json", "ndarray-cache.json");
    private static final int MAX_RECORDS = 1_000_000;

    private ModelFolders() {
    }

    /** Whether {@code folder} holds a model KV Lens can read. */
    public static boolean isModelFolder(Path folder) {
        return Files.isDirectory(folder) && (Files.isRegularFile(folder.resolve(ChatConfigSymbols.CHAT_CONFIG))
                || Files.isRegularFile(folder.resolve("config.json")));
    }

    /**
     * Reads the model in a folder.
     *
     * @throws InputException naming the folder or the file at fault
     */
    public static Artifact.ModelFolder read(Path folder) {
        String name = ModelNames.of(folder);
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder.toString(), "", Phrase.of(Files.exists(folder) ? "io.folder.notAFolder" : "io.file.missing"));
        }
        Path chat = folder.resolve(ChatConfigSymbols.CHAT_CONFIG);
        if (Files.isRegularFile(chat)) {
            JsonNode root = Json.readFile(chat);
            if (!root.has("model_config")) {
                throw new InputException(name + "/" + ChatConfigSymbols.CHAT_CONFIG, "model_config",
                        Phrase.of("io.folder.legacyFormat"));
            }
            ModelDescription read = ChatConfigReader.parse(name + "/" + ChatConfigSymbols.CHAT_CONFIG, root);
            Optional<ByteFigure> params = tensorCacheBytes(folder, name);
            return new Artifact.ModelFolder(name, renamed(read, name), params, Optional.of(folder.toAbsolutePath().toString()));
        }
        Path hf = folder.resolve("config.json");
        if (Files.isRegularFile(hf)) {
            ModelDescription read = HfConfigReader.parse(name + "/config.json", name, Json.readFile(hf));
            Optional<String> dtype = SafetensorsHeaders.of(folder).map(d -> d.dtype() + " (" + d.file() + ")");
            return new Artifact.ModelFolder(name, renamed(read, name), Optional.empty(), Optional.empty(), dtype);
        }
        throw new InputException(name, "", Phrase.of("io.folder.noConfig"));
    }

    /** Σ nbytes over the tensor cache's records, if the folder has a tensor cache. */
    static Optional<ByteFigure> tensorCacheBytes(Path folder, String modelName) {
        for (String file : TENSOR_CACHES) {
            Path cache = folder.resolve(file);
            if (Files.isRegularFile(cache)) {
                String source = modelName + "/" + file;
                long bytes = TensorCache.parameterBytes(source, Json.readFile(cache), MAX_RECORDS);
                return Optional.of(ByteFigure.given(bytes, file));
            }
        }
        return Optional.empty();
    }

    private static ModelDescription renamed(ModelDescription d, String name) {
        return new ModelDescription(name, name, d.geometry(), d.quantization(), d.compile(), d.chatConfig(), d.source());
    }
}
