package dev.kvlens.model.planner;

import java.util.Map;

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
        functions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(functions));
    }

    /** The compile report's "Temporary buffer": the max over all functions (§1.1). */
    public long maxBytes() {
        return functions.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The first function (in MLC's order) attaining {@link #maxBytes()}. */
    public String maxFunction() {
        long max = maxBytes();
        return functions.entrySet().stream().filter(e -> e.getValue() == max).findFirst().orElseThrow().getKey();
    }
}
