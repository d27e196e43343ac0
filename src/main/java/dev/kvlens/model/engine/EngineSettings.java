package dev.kvlens.model.engine;

import dev.kvlens.model.EngineMode;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How the engine is started: the mode, {@code gpu_memory_utilization} (empty = the rule set's default)
 * and the user overrides.
 */
public record EngineSettings(EngineMode mode, OptionalDouble gpuMemoryUtilization, EngineOverrides overrides) {

    public EngineSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(gpuMemoryUtilization, "gpuMemoryUtilization");
        Objects.requireNonNull(overrides, "overrides");
        if (gpuMemoryUtilization.isPresent()) {
            double u = gpuMemoryUtilization.getAsDouble();
            // rules §3.1: MLC checks no range and uses values above 1 as given; KV Lens refuses only values
            // that cannot plan any memory (≤ 0) or are not numbers.
            if (!(u > 0 && Double.isFinite(u))) {
                throw new dev.kvlens.text.PhrasedException("model.check.utilization", String.valueOf(u));
            }
        }
    }

    /** The defaults of {@code mlc_llm serve}: local mode, default utilization, no overrides. */
    public static EngineSettings defaults(EngineMode mode) {
        return new EngineSettings(mode, OptionalDouble.empty(), EngineOverrides.NONE);
    }

    public EngineSettings withMode(EngineMode value) {
        return new EngineSettings(value, gpuMemoryUtilization, overrides);
    }

    public EngineSettings withGpuMemoryUtilization(OptionalDouble value) {
        return new EngineSettings(mode, value, overrides);
    }

    public EngineSettings withOverrides(EngineOverrides value) {
        return new EngineSettings(mode, gpuMemoryUtilization, value);
    }
}
