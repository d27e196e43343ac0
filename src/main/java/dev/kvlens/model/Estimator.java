package dev.kvlens.model;

/**
 * The one entry point for MLC-LLM's runtime estimate: picks the KV-cache or RNN-state path the way
 * {@code ModelsUseKVCache} does (rules §3.1) and applies the device rules of §3.2.
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
        if (scenario.model().geometry().family().usesRnnState()) {
            if (scenario.rules() != RuleSet.D2025) {
                throw new IllegalArgumentException("RWKV (RNN state) models are estimated with the d2025 rules only");
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
