package dev.kvlens.model.mlc;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.Mib;
import dev.kvlens.model.PythonFloat;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.ModeEstimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exact lines MLC-LLM prints when it infers the engine config (rules §3.6; era C: engine_base.py;
 * RNN: §3.7), without the timestamp and source-path prefixes, in MLC's order. The wording comes from the
 * rule set, never from an era name.
 */
public final class MlcLogFormatter {

    private MlcLogFormatter() {
    }

    /**
     * Everything MLC logs for this run up to the engine start or the error, including the error text
     * (which may span several lines) when the estimate fails.
     */
    public static List<String> lines(Estimate estimate) {
        List<String> lines = new ArrayList<>(logLines(estimate));
        failureMessage(estimate).ifPresent(message -> lines.addAll(List.of(message.split("\n"))));
        return lines;
    }

    /** The informational lines (stderr INFO in MLC), excluding the error text. */
    public static List<String> logLines(Estimate estimate) {
        List<String> lines = new ArrayList<>();
        RuleSet rules = estimate.rules();
        boolean rnn = estimate.stateKind() == Estimate.StateKind.RNN_STATE;
        for (ModeEstimate mode : estimate.modes()) {
            if (rnn) {
                lines.add(underModeLine(mode, rules, true));
            } else if (mode.fits()) {
                lines.add(underModeLine(mode, rules, false));
            } else if (rules.onlySelectedModeCanFail()) {
                lines.addAll(workspaceDebugLines(mode, rules));
            } else {
                break; // era C raises in the first mode that does not fit
            }
        }
        if (estimate.failure().isPresent()) {
            return lines;
        }
        ModeEstimate selected = estimate.selected();
        String capacityNoun = rnn ? "max RNN state token capacity" : "max KV cache token capacity";
        lines.add("The actual engine mode is \"" + selected.mode().mlcName() + "\". So max batch size is "
                + selected.maxNumSequence() + ", " + capacityNoun + " is " + selected.maxTotalSequenceLength()
                + ", prefill chunk size is " + selected.prefillChunkSize() + ".");
        int n = rules.mibDecimals();
        lines.add("Estimated total single GPU memory usage: " + Mib.format(selected.totalBytes(), n)
                + " MB (Parameters: " + Mib.format(selected.paramsBytes(), n)
                + " MB. " + (rnn ? "RNN state" : "KVCache") + ": " + Mib.format(selected.kvCacheBytes(), n)
                + " MB. Temporary buffer: " + Mib.format(selected.temporaryBytes(), n)
                + " MB). The actual usage might be slightly larger than the estimated number.");
        if (rules.wording() == RuleSet.Wording.PYTHON_IS_SET) {
            lines.add(switchModeHint(selected.mode()));
        }
        return lines;
    }

    /** MLC's error text when the engine cannot start for lack of memory. */
    public static Optional<String> failureMessage(Estimate estimate) {
        return estimate.failure().map(mode -> insufficientMemoryMessage(estimate, mode));
    }

    /** The error MLC raises when this mode runs out of memory (what it would print were it selected). */
    public static String insufficientMemoryMessage(Estimate estimate, ModeEstimate mode) {
        if (estimate.rules().wording() == RuleSet.Wording.PYTHON_IS_SET) {
            return "The model weight size " + PythonFloat.repr(mode.paramsBytes())
                    + " may be larger than available GPU memory size "
                    + PythonFloat.repr(mode.availableBytes()) + " bytes.";
        }
        String head = "Insufficient GPU memory error: The available single GPU memory is "
                + Mib.format(mode.availableBytes(), 3) + " MB, which is less than the sum of model weight size ("
                + Mib.format(mode.paramsBytes(), 3) + " MB) and temporary buffer size ("
                + Mib.format(mode.nonParameterOverheadBytes(), 3) + " MB)";
        if (estimate.stateKind() == Estimate.StateKind.RNN_STATE) {
            return head + ". If the model weight size is too large, please use quantization. "
                    + "If the temporary buffer size is too large, please use a smaller `--prefill-chunk-size` in "
                    + "`mlc_llm gen_config`.";
        }
        return head + ".\n"
                + "1. You can set a larger \"gpu_memory_utilization\" value.\n"
                + "2. If the model weight size is too large, please enable tensor parallelism by passing "
                + "`--tensor-parallel-shards $NGPU` to `mlc_llm gen_config` or use quantization.\n"
                + "3. If the temporary buffer size is too large, please use a smaller `--prefill-chunk-size` "
                + "in `mlc_llm gen_config`.";
    }

    /** One {@code Under mode "…", …} line. The C++ KV line ends with a space after the last period. */
    static String underModeLine(ModeEstimate m, RuleSet rules, boolean rnn) {
        boolean python = rules.wording() == RuleSet.Wording.PYTHON_IS_SET;
        String set = python ? " is set to " : " will be set to ";
        StringBuilder line = new StringBuilder("Under mode \"").append(m.mode().mlcName()).append("\", ");
        String batch = m.batchSpecifiedByUser()
                ? "max batch size " + m.maxNumSequence() + " is specified by user, "
                : "max batch size" + set + m.maxNumSequence() + ", ";
        String prefillHead = m.prefillSpecifiedByUser()
                ? "prefill chunk size " + m.prefillChunkSize() + " is specified by user"
                : "prefill chunk size" + set + m.prefillChunkSize();
        if (rnn) {
            String capacity = m.capacitySpecifiedByUser()
                    ? "max RNN state token capacity " + m.maxTotalSequenceLength() + " is specified by user. "
                    : "max RNN state token capacity" + set + m.maxTotalSequenceLength() + ". ";
            return line.append(prefillHead).append(", ").append(batch).append(capacity)
                    .append(explanation(m.mode(), true)).toString();
        }
        // Era C ends the user-specified capacity with a period (a quirk of engine_base.py); era D with a comma.
        String capacity = m.capacitySpecifiedByUser()
                ? "max KV cache token capacity " + m.maxTotalSequenceLength() + " is specified by user"
                + (python ? ". " : ", ")
                : "max KV cache token capacity" + set + m.maxTotalSequenceLength() + ", ";
        line.append(batch).append(capacity).append(prefillHead).append(". ");
        if (python) {
            line.append(explanation(m.mode(), false));
        }
        return line.toString();
    }

    /** The four debug lines era D prints (verbose) for a mode whose capacity is ≤ 0. */
    private static List<String> workspaceDebugLines(ModeEstimate m, RuleSet rules) {
        int n = rules.mibDecimals();
        return List.of(
                "temp_buffer = " + Mib.format(m.tempBufferBytes(), n),
                "kv_aux workspace = " + Mib.format(m.kvAuxBytes(), n),
                "model workspace = " + Mib.format(m.modelWorkspaceBytes(), n),
                "logit processor workspace = " + Mib.format(m.logitWorkspaceBytes(), n));
    }

    private static String explanation(EngineMode mode, boolean rnn) {
        return switch (mode) {
            case LOCAL -> "We choose small max batch size and " + (rnn ? "RNN state" : "KV cache")
                    + " capacity to use less GPU memory.";
            case INTERACTIVE -> "We fix max batch size to 1 for interactive single sequence use.";
            case SERVER -> "We use as much GPU memory as possible (within the limit of gpu_memory_utilization).";
        };
    }

    private static String switchModeHint(EngineMode mode) {
        String override = "Please override the arguments if you have particular values to set.";
        return mode == EngineMode.SERVER
                ? "Please switch to mode \"local\" or \"interactive\" if you want to use less GPU memory "
                + "or do not have many concurrent requests to process. " + override
                : "Please switch to mode \"server\" if you want to use more GPU memory "
                + "and support more concurrent requests. " + override;
    }
}
