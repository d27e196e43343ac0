package dev.kvlens.model.explore;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.library.SchemeAvailability;
import dev.kvlens.model.library.TempBufferSource;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.planner.PlannerTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Which quantizations fit this GPU": one row per scheme MLC accepts for the model ({@link SchemeAvailability},
 * rules §5), with its parameter bytes (computed from the scheme's byte layout: exact), the compile-time temporary
 * buffer (exact only where a validated planner computes it, otherwise estimated — {@code TempBufferSource}), MLC's
 * estimate in every mode and the verdict of each mode ({@link ModeVerdict}). T and the verdicts are only as exact as
 * the temporary buffer they rest on.
 *
 * @param scheme         the quantization
 * @param parameters     parameter bytes per shard, with provenance
 * @param tempFunction   the largest per-function temporary buffer, before MLC's ×2, with provenance
 * @param estimate       MLC's estimate with this scheme, the rest of the scenario unchanged
 * @param verdicts       the verdict per evaluated mode, in MLC's order
 */
public record SchemeFit(Quantization scheme, ByteFigure parameters, ByteFigure tempFunction, Estimate estimate,
                        List<ModeVerdict> verdicts) {

    public SchemeFit {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Every scheme MLC compiles this model with, estimated on the device with the engine settings and rules given;
     * schemes MLC refuses, and those whose byte layout KV Lens does not know for the model, are left out.
     */
    public static List<SchemeFit> all(ModelDescription model, Device device, EngineSettings engine, RuleSet rules,
                                      PlannerTarget target) {
        List<SchemeFit> rows = new ArrayList<>();
        for (Quantization scheme : Quantization.ALL) {
            of(model, scheme, device, engine, rules, target).ifPresent(rows::add);
        }
        return rows;
    }

    /** One scheme's row, empty when MLC refuses the scheme or its parameters cannot be computed. */
    static Optional<SchemeFit> of(ModelDescription model, Quantization scheme, Device device, EngineSettings engine,
                                  RuleSet rules, PlannerTarget target) {
        ModelLibrary library;
        Estimate estimate;
        try {
            SchemeAvailability.check(model.geometry(), scheme, model.compile().tensorParallelShards());
            library = ModelLibrary.build(model, scheme, model.compile(), null, null, target);
            estimate = Estimator.estimate(new Scenario(library, device, engine, rules));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
        return Optional.of(new SchemeFit(scheme, library.paramsBytes(), library.tempFuncBytes(), estimate,
                ModeVerdict.of(estimate)));
    }

    /** The verdict of the scenario's selected mode. */
    public ModeVerdict selectedVerdict() {
        return verdicts.stream().filter(ModeVerdict::selected).findFirst().orElseThrow();
    }

    /** T in a mode, if MLC evaluated it and it starts. */
    public Optional<Long> maxTotalSequenceLength(EngineMode mode) {
        return estimate.mode(mode).filter(ModeEstimate::fits).map(ModeEstimate::maxTotalSequenceLength);
    }
}
