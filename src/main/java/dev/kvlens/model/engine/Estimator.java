package dev.kvlens.model.engine;

import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.KvStateKind;

/**
 * The one entry point for MLC-LLM's runtime estimate: picks the KV-cache or RNN-state path the way
 * {@code ModelsUseKVCache} does (rules §3.1; mixing the two among the models is MLC's error) and applies the
 * device rules of §3.2. Additional models (§3.8) join the per-model sums of the KV path.
 */
public final class Estimator {

    private Estimator() {
    }

    /**
     * Estimates every mode MLC evaluates for a scenario.
     *
     * @throws IllegalArgumentException where MLC itself rejects the configuration before estimating, or a value
     *                                  is beyond {@link InputLimits} (so every product below fits in 64 bits)
     */
    public static Estimate estimate(Scenario scenario) {
        InputLimits.require(InputLimits.check(scenario));
        boolean rnn = scenario.model().geometry().family().usesRnnState();
        for (ModelLibrary additional : scenario.additionalModels()) {
            if (additional.geometry().family().usesRnnState() != rnn) {
                // ModelsUseKVCache (config.cc), MLC's own message.
                throw new dev.kvlens.text.PhrasedException("model.mlc.says", "Invalid models in EngineConfig. Models must be all RNN model or "
                        + "none model is RNN model.");
            }
            if (additional.geometry().kvStateKind() == KvStateKind.NONE && scenario.rules() != RuleSet.D2025) {
                throw new dev.kvlens.text.PhrasedException(scenario.rules() == RuleSet.C2024 ? "model.check.medusaPredates"
                        : "model.check.medusaD2025", scenario.rules().id(), additional.name());
            }
        }
        if (rnn && !scenario.additionalModels().isEmpty()) {
            throw new dev.kvlens.text.PhrasedException("model.check.rnnAdditional");
        }
        if (rnn) {
            if (scenario.rules() != RuleSet.D2025) {
                throw new dev.kvlens.text.PhrasedException("model.check.rnnRules");
            }
            return RnnStateEstimator.estimate(scenario);
        }
        return KvCacheEstimator.estimate(scenario);
    }

    /** The device memory MLC works with: the driver's figure, raised to 5 GiB on OpenCL in era D (§3.2). */
    static long deviceBytes(Device device, RuleSet rules) {
        long bytes = device.totalGlobalMemoryBytes();
        if (device.backend() == Backend.OPENCL) {
            bytes = Math.max(bytes, rules.openClMinimumBytes());
        }
        return bytes;
    }

    /** The utilization in effect: the user's value or the rule set's default (0.85f in era D). */
    static double utilization(EngineSettings engine, RuleSet rules) {
        return engine.gpuMemoryUtilization().orElse(rules.defaultGpuMemoryUtilization());
    }
}
