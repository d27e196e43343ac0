package dev.kvlens.app.cli;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.UtilizationRange;
import picocli.CommandLine.Option;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/** How the engine starts: mode, utilization, runtime overrides and the rule set. */
final class EngineOptions {

    @Option(names = "--gpu-memory-utilization", paramLabel = "F",
            description = "gpu_memory_utilization, > 0; default MLC's (0.85). Above 1 is accepted, as MLC does, "
                    + "with a warning.")
    Double utilization;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    private boolean warned;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "local",
            description = "local, interactive or server (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--max-num-sequence", paramLabel = "N", description = "Runtime override max_num_sequence (batch).")
    Long maxNumSequence;
    @Option(names = "--max-total-seq-length", paramLabel = "N", description = "Runtime override max_total_seq_length (KV capacity).")
    Long maxTotalSequenceLength;
    @Option(names = "--max-single-sequence-length", paramLabel = "N",
            description = "Runtime max_single_sequence_length (serve --overrides context_window_size=N).")
    Long maxSingleSequenceLength;
    @Option(names = "--prefill-chunk-size", paramLabel = "N", description = "Runtime override prefill_chunk_size.")
    Long prefillChunkSize;

    @Option(names = "--rules", paramLabel = "R",
            description = "d2025 (MLC-LLM >= v0.20), d2024mid (2024-05-03 to 2024-08-06 builds: a user "
                    + "max_single_sequence_length does not size T or P) or c2024 (April 2024 wheels); "
                    + "default d2025, or with --runtime-log the rules the log's lines belong to.")
    String rules;

    EngineSettings engine() {
        EngineOverrides overrides = new EngineOverrides(optional(maxNumSequence), optional(maxTotalSequenceLength),
                optional(maxSingleSequenceLength), optional(prefillChunkSize));
        OptionalDouble util = utilization == null ? OptionalDouble.empty() : OptionalDouble.of(utilization);
        // refused by EngineSettings unless UtilizationRange.accepts it (the window's field takes the same values)
        if (utilization != null && UtilizationRange.aboveDevice(utilization) && !warned && mixee != null) {
            warned = true; // rules §3.1: MLC has no range check and plans with the value as given
            mixee.commandLine().getErr().println("warning: gpu_memory_utilization " + utilization + " is above 1; "
                    + "MLC accepts it as given (no range check), so it plans with more memory than the GPU has");
        }
        return new EngineSettings(EngineMode.fromMlcName(mode), util, overrides);
    }

    /** The --rules given, else d2025. */
    RuleSet ruleSet() {
        return rules == null ? RuleSet.D2025 : RuleSet.require(rules);
    }

    /** Whether --rules was given. */
    boolean rulesGiven() {
        return rules != null;
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
