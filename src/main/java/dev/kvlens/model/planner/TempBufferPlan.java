package dev.kvlens.model.planner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The compile-time {@code memory_usage} of every function of a build, as §4.3 models it, and how far that is
 * checked.
 *
 * @param functions  bytes per Relax function, in MLC's function order
 * @param provenance validated, estimated, or a target where the rules keep §4.2 (§4.3.5)
 * @param fused      whether FuseAddRMSNorm applies (§4.3.2)
 */
public record TempBufferPlan(Map<String, Long> functions, Provenance provenance, boolean fused) {

    public TempBufferPlan {
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The compile report's "Temporary buffer": the max over all functions (§1.1). */
    public long maxBytes() {
        long max = 0;
        for (long bytes : functions.values()) {
            max = Math.max(max, bytes);
        }
        return max;
    }

    /** The first function (in MLC's order) attaining {@link #maxBytes()}. */
    public String maxFunction() {
        long max = maxBytes();
        for (Map.Entry<String, Long> function : functions.entrySet()) {
            if (function.getValue() == max) {
                return function.getKey();
            }
        }
        throw new IllegalStateException("no functions");
    }
}
