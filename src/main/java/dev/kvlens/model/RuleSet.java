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
 * @param userMaxSingleSequenceLengthSizesCapacity whether a user {@code max_single_sequence_length} feeds
 *                                   T and P (§3.5 steps 5–6); before 1d19866a (2024-08-06) it was only stored,
 *                                   as min(user, runtimeMaxSingle), and T and P used runtimeMaxSingle
 * @param interactiveCappedBySlidingWindow whether interactive T is also capped by the smallest sliding window
 *                                   (2146f152, 2024-05-20, until 5de18736, 2025-06-23)
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
        boolean userMaxSingleSequenceLengthSizesCapacity,
        boolean interactiveCappedBySlidingWindow,
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
            Backend.OPENCL_MIN_BYTES, true, true, true, false, 3, Wording.CPP_WILL_BE_SET);

    /**
     * Mid-2024 rules: C++ {@code config.cc} from b310ee1c (2024-05-03) to just before 1d19866a (2024-08-06),
     * read at 6e952047 (rules §3.5 step 2, §6): as D-2025 except that a user {@code max_single_sequence_length}
     * is stored as min(user, runtimeMaxSingle) but T and P use runtimeMaxSingle, interactive T is capped by the
     * smallest sliding window (from 2146f152, 2024-05-20) and params are not divided by pipeline stages (÷pp
     * came with ee971671, 2024-08-19). It follows the builds after 547060a3 (2024-05-22): a runtime context
     * above the compile-time one is clamped, not an error.
     */
    public static final RuleSet D2024_MID = new RuleSet("d2024mid",
            "MLC-LLM engine rules D-mid-2024 (C++ config.cc, b310ee1c 2024-05-03 to before 1d19866a 2024-08-06)",
            "6e952047e1c9a99a1213c3829e1a5b3ab9bac7ec",
            2, (double) 0.85f, Long.MAX_VALUE, false, true, true, true,
            Backend.OPENCL_MIN_BYTES, true, false, false, true, 3, Wording.CPP_WILL_BE_SET);

    /** April 2024 rules: Python {@code serve/engine_base.py} (8e8a9217 → b310ee1c), utilization default 0.85. */
    public static final RuleSet C2024 = new RuleSet("c2024",
            "MLC-LLM engine rules C-2024 (Python engine_base.py, 2024-04-23 to 2024-05-03)",
            "d7c5a6e3",
            1, 0.85, 1_000_000_000L, true, false, false, false,
            0, false, false, true, false, 2, Wording.PYTHON_IS_SET);

    /** Every rule set, default first. */
    public static final List<RuleSet> ALL = List.of(D2025, D2024_MID, C2024);

    /** The label for people, in any language ({@link #label()} is the English the CLI and JSON print). */
    public dev.kvlens.text.Phrase phrase() {
        return dev.kvlens.text.Phrase.of("model.rules." + id);
    }

    /** Looks a rule set up by id. */
    public static RuleSet require(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new dev.kvlens.text.PhrasedException("model.check.unknownRules", id));
    }
}
