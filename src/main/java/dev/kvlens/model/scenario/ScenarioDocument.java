package dev.kvlens.model.scenario;

import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.library.CompileConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved scenario: the spec, the compile-time values the model came with (so KV Lens can tell what needs a
 * recompile), where the compiled model lives, if known, and the additional models MLC runs next to it (rules §3.8).
 */
public record ScenarioDocument(ScenarioSpec spec, CompileConfig modelDefaults, Optional<String> modelLocation,
                               List<AdditionalModel> additionalModels) {

    public ScenarioDocument {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(modelDefaults, "modelDefaults");
        Objects.requireNonNull(modelLocation, "modelLocation");
        additionalModels = List.copyOf(additionalModels);
    }

    /** A single-model scenario. */
    public ScenarioDocument(ScenarioSpec spec, CompileConfig modelDefaults, Optional<String> modelLocation) {
        this(spec, modelDefaults, modelLocation, List.of());
    }

    /** The scenario the estimator takes, with every additional model (throws IllegalArgumentException). */
    public Scenario toScenario() {
        Scenario main = spec.toScenario();
        if (additionalModels.isEmpty()) {
            return main;
        }
        var target = main.model().target();
        return main.withAdditionalModels(additionalModels.stream().map(m -> m.library(target)).toList());
    }
}
