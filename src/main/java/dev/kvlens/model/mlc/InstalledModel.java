package dev.kvlens.model.mlc;

import java.util.Objects;
import java.util.Optional;

/**
 * Something installed on this machine that KV Lens can open: an MLC weights folder, a compiled model library or a
 * Hugging Face model folder, found in MLC's or Hugging Face's cache.
 *
 * @param name    as the user knows it ({@code mlc-ai/Qwen2.5-7B-Instruct-q4f16_1-MLC}); for a library, its model, scheme
 *                and target with the file name
 * @param kind    what it is
 * @param path    the folder or library file (absolute path)
 * @param weights for a library: the weights folder it was compiled for, when its metadata tells (absolute path)
 */
public record InstalledModel(String name, Kind kind, String path, Optional<String> weights) {

    /** What an installed thing is. */
    public enum Kind { MLC_WEIGHTS, MLC_LIBRARY, HF_MODEL }

    public InstalledModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(weights, "weights");
    }
}
