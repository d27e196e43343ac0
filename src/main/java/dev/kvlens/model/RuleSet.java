package dev.kvlens.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A version of MLC-LLM's runtime estimator, as data (rules §6). The estimator and the log formatter
 * read these fields instead of branching on an era name.
 *
 * @param id                         the CLI/JSON name ({@code d2025}, {@code c2024})
 * @param label                      what the app shows
 * @param mlcCommit                  the MLC-LLM commit the rules were read at
 * @param tempBufferMultiplier       the "magnify for safety" factor on the temporary buffer (D: 2, C: 1)
 * @param defaultGpuMemoryUtilization the utilization when the user gives none (D: C++ float 0.85f)
 * @param unlimitedSequenceLength    the single-sequence limit when no model has a context window
 * @param runtimeContextAboveCompileIsError era C raises where era D clamps (§3.3, 547060a3)
 * @param prefillCappedByCapacity    local/interactive prefill uses the chosen T (D) or Tmax (C)
 * @param capacityIsInt32            Tmax is {@code static_cast<int>} (D) or a Python int (C)
 * @param onlySelectedModeCanFail    D fails only for the selected mode; C raises in whichever mode runs out first
 * @param openClMinimumBytes         the OpenCL device-memory floor, 0 when the era has none
 * @param userMaxSingleSequenceLength whether {@code max_single_sequence_length} can be overridden
 * @param pipelineParallel           whether params and KV layers are divided by pipeline stages
 * @param mibDecimals                decimals of the printed MB values
 * @param wording                    the log phrasing
 */
public record RuleSet(
        String id,
        String label,
        String mlcCommit,
        int tempBufferMultiplier,
        double defaultGpuMemoryUtilization,
        long unlimitedSequenceLength,
        boolean runtimeContextAboveCompileIsError,
        boolean prefillCappedByCapacity,
        boolean capacityIsInt32,
        boolean onlySelectedModeCanFail,
        long openClMinimumBytes,
        boolean userMaxSingleSequenceLength,
        boolean pipelineParallel,
        int mibDecimals,
        Wording wording) {

    /** The two phrasings of the per-mode log lines. */
    public enum Wording {
        /** C++ {@code config.cc}: "max batch size will be set to 4, ". */
        CPP_WILL_BE_SET,
        /** Python {@code engine_base.py}, April 2024: "max batch size is set to 4, ... We choose ...". */
        PYTHON_IS_SET
    }

    public RuleSet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wording, "wording");
    }

    /** Current rules: C++ {@code config.cc}, MLC-LLM ≥ v0.20 (5de18736), read at 79d603f0. */
    public static final RuleSet D2025 = new RuleSet("d2025",
            "MLC-LLM engine rules D-2025 (>= 5de18736 / v0.20), verified at 79d603f0",
            "79d603f085f50500e9509fa01785ffa7ecfaaa93",
            2, (double) 0.85f, Long.MAX_VALUE, false, true, true, true,
            Backend.OPENCL_MIN_BYTES, true, true, 3, Wording.CPP_WILL_BE_SET);

    /** April 2024 rules: Python {@code serve/engine_base.py} (8e8a9217 → b310ee1c), utilization default 0.85. */
    public static final RuleSet C2024 = new RuleSet("c2024",
            "MLC-LLM engine rules C-2024 (Python engine_base.py, 2024-04-23 to 2024-05-03)",
            "d7c5a6e3",
            1, 0.85, 1_000_000_000L, true, false, false, false,
            0, false, false, 2, Wording.PYTHON_IS_SET);

    /** Every rule set, default first. */
    public static final List<RuleSet> ALL = List.of(D2025, C2024);

    /** Looks a rule set up by id. */
    public static RuleSet require(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rules '" + id + "' (expected d2025 or c2024)"));
    }
}
