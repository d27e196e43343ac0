package dev.kvlens.model.mlc;

import dev.kvlens.model.EngineMode;
import dev.kvlens.model.Mib;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What MLC printed next to what KV Lens computes for the same scenario, quantity by quantity, at the
 * precision MLC printed (the overlay of imported runtime logs).
 */
public final class LogComparison {

    /**
     * One compared quantity.
     *
     * @param what        what it is ("server: KV capacity", "total MB", ...), for people in any language
     * @param printed     MLC's text
     * @param oursSaid    KV Lens's value, formatted like MLC's, or "does not fit"
     * @param differenceSaid  ours − printed ("0" when equal, "different" for another mode), or empty when not
     *                        comparable
     */
    public record Row(Phrase what, String printed, Phrase oursSaid, Phrase differenceSaid) {
        public boolean matches() {
            return printed.equals(ours());
        }

        /** What it is, in English (the CLI's table and JSON). */
        public String quantity() {
            return Phrases.format(Locale.ENGLISH, what);
        }

        /** KV Lens's value, in English. */
        public String ours() {
            return Phrases.format(Locale.ENGLISH, oursSaid);
        }

        /** The difference, in English. */
        public String difference() {
            return Phrases.format(Locale.ENGLISH, differenceSaid);
        }
    }

    private static Phrase value(String text) {
        return Phrase.of("text.verbatim", text);
    }

    private static Phrase quantity(String key, Object... args) {
        return Phrase.of("model.compare." + key, args);
    }

    private LogComparison() {
    }

    /** Compares every line the log printed with the estimate. */
    public static List<Row> compare(PrintedLog.Runtime printed, Estimate estimate) {
        List<Row> rows = new ArrayList<>();
        for (EngineMode mode : EngineMode.values()) {
            PrintedLog.ModeLine line = printed.modes().get(mode);
            if (line == null) {
                continue;
            }
            Optional<ModeEstimate> ours = estimate.mode(mode).filter(ModeEstimate::fits);
            rows.add(count(quantity("batch", mode.mlcName()), line.maxNumSequence(), ours.map(ModeEstimate::maxNumSequence)));
            rows.add(count(quantity("capacity", mode.mlcName()), line.maxTotalSequenceLength(),
                    ours.map(ModeEstimate::maxTotalSequenceLength)));
            rows.add(count(quantity("prefill", mode.mlcName()), line.prefillChunkSize(),
                    ours.map(ModeEstimate::prefillChunkSize)));
        }
        printed.actualMode().ifPresent(mode -> rows.add(new Row(quantity("actualMode"), mode.mlcName(),
                value(estimate.selectedMode().mlcName()), mode == estimate.selectedMode() ? value("0")
                : quantity("different"))));
        printed.estimated().ifPresent(memory -> {
            ModeEstimate m = estimate.selected();
            rows.add(mib(quantity("total"), memory.totalMib(), m.totalBytes()));
            rows.add(mib(quantity("params"), memory.paramsMib(), m.paramsBytes()));
            rows.add(mib(quantity("kv"), memory.kvCacheMib(), m.kvCacheBytes()));
            rows.add(mib(quantity("temp"), memory.tempMib(), m.temporaryBytes()));
        });
        printed.failure().filter(f -> f.tempMib().signum() > 0).ifPresent(f -> {
            ModeEstimate m = estimate.failure().orElse(estimate.selected());
            rows.add(mib(quantity("available"), f.availableMib(), m.availableBytes()));
            rows.add(mib(quantity("weights"), f.paramsMib(), m.paramsBytes()));
            rows.add(mib(quantity("tempError"), f.tempMib(), m.nonParameterOverheadBytes()));
        });
        return rows;
    }

    /** Whether every compared quantity matches. */
    public static boolean allMatch(List<Row> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(Row::matches);
    }

    private static Row count(Phrase quantity, long printed, Optional<Long> ours) {
        return ours.map(o -> new Row(quantity, Long.toString(printed), value(Long.toString(o)),
                        value(Long.toString(o - printed))))
                .orElseGet(() -> new Row(quantity, Long.toString(printed), quantity("doesNotFit"), value("")));
    }

    private static Row mib(Phrase quantity, BigDecimal printed, double oursBytes) {
        int decimals = Math.max(0, printed.scale());
        String ours = Mib.format(oursBytes, decimals);
        BigDecimal difference = new BigDecimal(ours).subtract(printed).setScale(decimals, RoundingMode.HALF_EVEN);
        return new Row(quantity, printed.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString(), value(ours),
                value(difference.signum() == 0 ? "0" : difference.toPlainString()));
    }
}
