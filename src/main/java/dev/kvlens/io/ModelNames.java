package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Names a model folder as its user knows it: the Hugging Face repository ({@code mlc-ai/Qwen2.5-7B-Instruct-q4f16_1-MLC})
 * for MLC's download cache ({@code model_weights/hf/<org>/<repo>}) and the Hugging Face hub cache
 * ({@code models--<org>--<repo>/snapshots/<revision>}), otherwise the folder's own name — never a snapshot hash.
 */
public final class ModelNames {

    private ModelNames() {
    }

    /** The name of the model in {@code folder}. */
    public static String of(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        int n = abs.getNameCount();
        if (n >= 3 && abs.getName(n - 2).toString().equals("snapshots")) {
            String repo = abs.getName(n - 3).toString();
            if (repo.startsWith("models--")) {
                return repo.substring("models--".length()).replaceFirst("--", "/");
            }
        }
        if (n >= 4 && abs.getName(n - 3).toString().equals("hf") && abs.getName(n - 4).toString().equals("model_weights")) {
            return abs.getName(n - 2) + "/" + abs.getName(n - 1);
        }
        Path name = abs.getFileName();
        return name == null ? abs.toString() : name.toString();
    }

    /** Files whose presence says a folder holds a model's weights (MLC's tensor cache, HF's weight files). */
    private static final Set<String> WEIGHT_FILES = Set.of("tensor-cache.json", "ndarray-cache.json",
            "model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json");

    /**
     * The name of the model whose config file ({@code mlc-chat-config.json} or {@code config.json}) lies in
     * {@code folder}: the Hugging Face repository for a cache snapshot, the folder's name when the folder holds the
     * model's weights, else the config's {@code _name_or_path} (Hugging Face writes the repository there), else empty —
     * a config saved into ~/Downloads must not be called "Downloads".
     */
    public static Optional<String> ofConfig(Optional<Path> folder, JsonNode root) {
        if (folder.isPresent()) {
            String name = of(folder.get());
            if (!name.equals(String.valueOf(folder.get().toAbsolutePath().normalize().getFileName()))
                    || holdsWeights(folder.get())) {
                return Optional.of(name);
            }
        }
        JsonNode named = root.path("_name_or_path");
        if (named.isTextual() && !named.asText().isBlank() && named.asText().length() <= 200) {
            String text = named.asText().strip();
            // a local path written by a training script names a folder on someone else's machine: keep its last part
            return Optional.of(text.contains("/") && (text.startsWith("/") || text.startsWith("."))
                    ? text.substring(text.lastIndexOf('/') + 1) : text);
        }
        return Optional.empty();
    }

    private static boolean holdsWeights(Path folder) {
        for (String file : WEIGHT_FILES) {
            if (Files.isRegularFile(folder.resolve(file))) {
                return true;
            }
        }
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(folder, "{params_shard_*.bin,*.safetensors}")) {
            return shards.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
