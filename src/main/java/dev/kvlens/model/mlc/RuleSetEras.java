package dev.kvlens.model.mlc;

import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.LayoutEra;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What else a rule set's era means (rules §1.3, §6), and which rule set a log points at: the compile report format
 * MLC printed then, the date whose model code builds a computed layout, and, for an imported runtime log, the rule
 * set its wording and {@code config.cc} line number belong to.
 */
public final class RuleSetEras {

    /**
     * The first {@code config.cc} line number of the "Under mode" log statement from 1d19866a (2024-08-06) on, when a
     * user {@code max_single_sequence_length} began to size T and P. Read with {@code git log} on
     * {@code cpp/serve/config.cc} at 79d603f0: the statement sat at lines 561–672 from b310ee1c (2024-05-03) to
     * e3877eb5 (2024-08-05), and at 686–804 since.
     */
    static final int FIRST_LINE_RESPECTING_USER_MSL = 686;
    /** 1d19866a: user max_single_sequence_length respected (the end of {@link RuleSet#D2024_MID}). */
    static final LocalDate USER_MSL_RESPECTED = LocalDate.of(2024, 8, 6);

    private RuleSetEras() {
    }

    /**
     * The compile report MLC printed in the rule set's era: the current lines for D-2025; the doubled-colon line
     * (2024-05-27 to 2025-09) for D-mid-2024, most of whose span it covers; the one line with "KVCache" for C-2024.
     */
    public static CompileReport.Era compileReport(RuleSet rules) {
        if (rules == RuleSet.C2024) {
            return CompileReport.Era.E2024_03;
        }
        return rules == RuleSet.D2024_MID ? CompileReport.Era.E2024_05 : CompileReport.Era.E2025;
    }

    /**
     * The build date a computed layout follows when nothing imported tells one: the verified commit for D-2025, the
     * last day of the era for the older rule sets (their model files then; rules §1.3 layouts, §2.2 defaults).
     */
    public static LocalDate builtOn(RuleSet rules) {
        if (rules == RuleSet.C2024) {
            return LocalDate.of(2024, 5, 2);
        }
        return rules == RuleSet.D2024_MID ? LocalDate.of(2024, 8, 5) : LayoutEra.CURRENT.builtOn();
    }

    /**
     * The rule set a log's engine lines come from: Python wording is C-2024; C++ wording is D-mid-2024 when the
     * "Under mode" lines name a config.cc line before {@link #FIRST_LINE_RESPECTING_USER_MSL} or the log is dated
     * before 2024-08-06, else D-2025. Empty when the log has no engine lines.
     */
    public static Optional<RuleSet> ofLog(PrintedLog log) {
        return log.runtime().map(runtime -> {
            if (runtime.wording() == RuleSet.Wording.PYTHON_IS_SET) {
                return RuleSet.C2024;
            }
            boolean oldLine = runtime.configLine().isPresent()
                    && runtime.configLine().getAsInt() < FIRST_LINE_RESPECTING_USER_MSL;
            boolean oldDate = log.loggedOn().filter(d -> d.isBefore(USER_MSL_RESPECTED)).isPresent();
            return oldLine || oldDate ? RuleSet.D2024_MID : RuleSet.D2025;
        });
    }
}
