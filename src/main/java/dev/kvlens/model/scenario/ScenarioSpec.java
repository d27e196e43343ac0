package dev.kvlens.model.scenario;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Device;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.mlc.RuleSetEras;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.model.planner.PlannerTarget;

import java.util.Objects;
import java.util.Optional;

/**
 * A scenario as the user chose it — what a scenario file stores and what the window and the command line
 * build: the model with its compile-time values, the scheme, measured byte counts (empty = computed or
 * heuristic), the device, the engine settings and the rules.
 */
public record ScenarioSpec(
        ModelDescription model,
        Quantization quantization,
        Optional<ByteFigure> paramsBytes,
        Optional<ByteFigure> tempFuncBytes,
        Device device,
        EngineSettings engine,
        RuleSet rules) {

    public ScenarioSpec {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(paramsBytes, "paramsBytes");
        Objects.requireNonNull(tempFuncBytes, "tempFuncBytes");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(rules, "rules");
    }

    /** The first value out of bounds ({@link InputLimits}), if any: model, byte figures, device, engine overrides. */
    public Optional<InputLimits.Violation> limitViolation() {
        return InputLimits.check(model, paramsBytes, tempFuncBytes, device, engine.overrides());
    }

    /** The scenario the estimator takes (throws IllegalArgumentException for inconsistent values). */
    public Scenario toScenario() {
        return toScenario(device.backend().plannerTarget());
    }

    /**
     * The scenario with the library compiled for {@code target} (the device's backend by default). Parameters nobody
     * measured follow the model files of the rule set's era ({@link RuleSetEras#builtOn}, rules §1.3), as the window's.
     */
    public Scenario toScenario(PlannerTarget target) {
        ModelLibrary library = ModelLibrary.build(model, quantization, model.compile(), paramsBytes.orElse(null),
                tempFuncBytes.orElse(null), target);
        if (paramsBytes.isEmpty()) {
            library = library.builtOn(RuleSetEras.builtOn(rules));
        }
        return new Scenario(library, device, engine, rules);
    }
}
