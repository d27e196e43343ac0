package dev.kvlens.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What MLC printed next to what KV Lens computes for the same scenario, quantity by quantity, at the
 * precision MLC printed (the overlay of imported runtime logs).
 */
public final class LogComparison {

    /**
     * One compared quantity.
     *
     * @param quantity    what it is ("server: KV capacity", "total MB", ...)
     * @param printed     MLC's text
     * @param ours        KV Lens's value, formatted like MLC's
     * @param difference  ours − printed ("0" when equal), or empty when not comparable
     */
    public record Row(String quantity, String printed, String ours, String difference) {
        public boolean matches() {
            return printed.equals(ours);
        }
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
            rows.add(count(mode.mlcName() + ": max batch size", line.maxNumSequence(), ours.map(ModeEstimate::maxNumSequence)));
            rows.add(count(mode.mlcName() + ": KV cache token capacity", line.maxTotalSequenceLength(),
                    ours.map(ModeEstimate::maxTotalSequenceLength)));
            rows.add(count(mode.mlcName() + ": prefill chunk size", line.prefillChunkSize(),
                    ours.map(ModeEstimate::prefillChunkSize)));
        }
        printed.actualMode().ifPresent(mode -> rows.add(new Row("actual engine mode", mode.mlcName(),
                estimate.selectedMode().mlcName(), mode == estimate.selectedMode() ? "0" : "different")));
        printed.estimated().ifPresent(memory -> {
            ModeEstimate m = estimate.selected();
            rows.add(mib("total MB", memory.totalMib(), m.totalBytes()));
            rows.add(mib("parameters MB", memory.paramsMib(), m.paramsBytes()));
            rows.add(mib("KV cache MB", memory.kvCacheMib(), m.kvCacheBytes()));
            rows.add(mib("temporary buffer MB", memory.tempMib(), m.temporaryBytes()));
        });
        printed.failure().filter(f -> f.tempMib().signum() > 0).ifPresent(f -> {
            ModeEstimate m = estimate.failure().orElse(estimate.selected());
            rows.add(mib("available MB", f.availableMib(), m.availableBytes()));
            rows.add(mib("model weight MB", f.paramsMib(), m.paramsBytes()));
            rows.add(mib("temporary buffer (error) MB", f.tempMib(), m.nonParameterOverheadBytes()));
        });
        return rows;
    }

    /** Whether every compared quantity matches. */
    public static boolean allMatch(List<Row> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(Row::matches);
    }

    private static Row count(String quantity, long printed, Optional<Long> ours) {
        return ours.map(o -> new Row(quantity, Long.toString(printed), Long.toString(o), Long.toString(o - printed)))
                .orElseGet(() -> new Row(quantity, Long.toString(printed), "does not fit", ""));
    }

    private static Row mib(String quantity, BigDecimal printed, double oursBytes) {
        int decimals = Math.max(0, printed.scale());
        String ours = Mib.format(oursBytes, decimals);
        BigDecimal difference = new BigDecimal(ours).subtract(printed).setScale(decimals, RoundingMode.HALF_EVEN);
        return new Row(quantity, printed.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString(), ours,
                difference.signum() == 0 ? "0" : difference.toPlainString());
    }
}
