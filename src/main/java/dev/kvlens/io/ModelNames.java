package dev.kvlens.io;

import java.nio.file.Path;

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
}
