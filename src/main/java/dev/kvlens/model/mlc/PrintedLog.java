package dev.kvlens.model.mlc;

import dev.kvlens.text.Phrase;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What an MLC-LLM log printed, as read from its text: the compile-time report and/or the engine's
 * runtime decision. Values keep the printed decimals so comparisons can be made at MLC's precision.
 *
 * @param compile   the compile report, if the text has one
 * @param runtime   the engine lines, if the text has them
 * @param warnings  lines that looked like MLC's but could not be read, and why (phrases)
 * @param loggedOn  the earliest date of a dated line ({@code [2024-05-24 22:43:00] INFO …}, MLC's Python logging):
 *                  the day the log was written, so the library was built no later
 */
public record PrintedLog(Optional<Compile> compile, Optional<Runtime> runtime, List<Phrase> warnings,
                         Optional<LocalDate> loggedOn) {

    public PrintedLog {
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(loggedOn, "loggedOn");
    }

    /** A log without dated lines. */
    public PrintedLog(Optional<Compile> compile, Optional<Runtime> runtime, List<Phrase> warnings) {
        this(compile, runtime, warnings, Optional.empty());
    }

    public boolean isEmpty() {
        return compile.isEmpty() && runtime.isEmpty();
    }

    /**
     * The compile-time memory report (rules §1.2–§1.3) and what else compile printed.
     *
     * @param era            the report format
     * @param paramsMib      "Parameters" (MiB as printed)
     * @param tempMib        "Temporary buffer"
     * @param kvCacheMib     "KVCache" where the era prints it
     * @param kvPerTokenMib  the per-token line (2025 format)
     * @param functionMib    every {@code [Memory usage] Function `f`: X MB} line
     * @param metadata       limits from the {@code Registering metadata:} line
     */
    public record Compile(CompileReport.Era era, Optional<BigDecimal> paramsMib, Optional<BigDecimal> tempMib,
                          Optional<BigDecimal> kvCacheMib, Optional<BigDecimal> kvPerTokenMib,
                          Map<String, BigDecimal> functionMib, RegisteredMetadata metadata) {
        public Compile {
            functionMib = Map.copyOf(functionMib);
        }

        /** The largest per-function buffer, which is what the report's temporary buffer is. */
        public Optional<Map.Entry<String, BigDecimal>> largestFunction() {
            return functionMib.entrySet().stream().max(Map.Entry.comparingByValue());
        }
    }

    /** Compile-time limits from {@code Registering metadata: {...}} (absent values are empty). */
    public record RegisteredMetadata(Optional<String> modelType, Optional<String> quantization,
                                     OptionalInt contextWindowSize, OptionalInt slidingWindowSize,
                                     OptionalInt prefillChunkSize, OptionalInt maxBatchSize,
                                     OptionalInt tensorParallelShards, OptionalInt pipelineParallelStages) {
        public static final RegisteredMetadata NONE = new RegisteredMetadata(Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty());

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * The engine's lines (rules §3.6; era C wording recognized too).
     *
     * @param wording       which MLC version's phrasing the lines use
     * @param modes         the "Under mode" lines, by mode
     * @param actualMode    the "The actual engine mode is" line's mode
     * @param estimated     the "Estimated total single GPU memory usage" numbers
     * @param failure       the insufficient-memory error, if printed
     * @param configLine    the {@code config.cc} line number the C++ "Under mode" lines name (it tells the
     *                      version of {@code cpp/serve/config.cc}, rules §6), if printed
     */
    public record Runtime(RuleSet.Wording wording, Map<EngineMode, ModeLine> modes, Optional<EngineMode> actualMode,
                          Optional<Memory> estimated, Optional<Failure> failure, OptionalInt configLine) {
        public Runtime {
            modes = Map.copyOf(modes);
            java.util.Objects.requireNonNull(configLine, "configLine");
        }

        /** Engine lines that name no config.cc line. */
        public Runtime(RuleSet.Wording wording, Map<EngineMode, ModeLine> modes, Optional<EngineMode> actualMode,
                       Optional<Memory> estimated, Optional<Failure> failure) {
            this(wording, modes, actualMode, estimated, failure, OptionalInt.empty());
        }
    }

    /** One "Under mode" line. */
    public record ModeLine(EngineMode mode, long maxNumSequence, boolean batchByUser, long maxTotalSequenceLength,
                           boolean capacityByUser, long prefillChunkSize, boolean prefillByUser) {
    }

    /** MLC's four printed MiB quantities (the printed text keeps its decimals). */
    public record Memory(BigDecimal totalMib, BigDecimal paramsMib, BigDecimal kvCacheMib, BigDecimal tempMib) {
    }

    /** The insufficient-memory error's numbers (era D wording). */
    public record Failure(BigDecimal availableMib, BigDecimal paramsMib, BigDecimal tempMib, String text) {
    }

    /** The printed server capacity when MLC chose it from memory (not user-given), for solving the device. */
    public OptionalLong serverCapacity() {
        return runtime.flatMap(r -> Optional.ofNullable(r.modes().get(EngineMode.SERVER)))
                .filter(m -> !m.capacityByUser())
                .map(m -> OptionalLong.of(m.maxTotalSequenceLength())).orElse(OptionalLong.empty());
    }
}
