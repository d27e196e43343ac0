package dev.kvlens.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A saved scenario: the spec, the compile-time values the model came with (so KV Lens can tell what needs a
 * recompile) and where the compiled model lives, if known.
 */
public record ScenarioDocument(ScenarioSpec spec, CompileConfig modelDefaults, Optional<String> modelLocation) {

    public ScenarioDocument {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(modelDefaults, "modelDefaults");
        Objects.requireNonNull(modelLocation, "modelLocation");
    }
}
