package dev.kvlens.ui.chart;

import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.engine.ModeEstimate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the memory chart shows: the compile report's bar (KV = 0, temporary buffer × 1, exactly as
 * {@code mlc_llm compile} reported it) followed by one bar per evaluated mode, plus the two limits.
 *
 * @param bars          compile report first, then local, interactive, server (RNN: the selected mode)
 * @param budgetBytes   device memory × utilization: what MLC lets the estimate fill
 * @param deviceBytes   device memory as MLC sees it
 */
public record ChartModel(List<MemoryBar> bars, double budgetBytes, long deviceBytes) {

    public ChartModel {
        bars = List.copyOf(bars);
    }

    /** Builds the chart from an estimate and the compile report of the same library. */
    public static ChartModel of(Estimate estimate, CompileReport report) {
        List<MemoryBar> bars = new ArrayList<>();
        Map<Segment, Double> compile = new EnumMap<>(Segment.class);
        compile.put(Segment.PARAMETERS, (double) report.paramsBytes());
        compile.put(Segment.TEMPORARY, (double) report.tempFuncBytes());
        compile.put(Segment.KV_PAGES, (double) report.kvCacheBytes());
        bars.add(new MemoryBar(Optional.empty(), compile, false, true, 0, 0, 0, Optional.empty()));
        for (ModeEstimate m : estimate.modes()) {
            Map<Segment, Double> segments = new EnumMap<>(Segment.class);
            segments.put(Segment.PARAMETERS, (double) m.paramsBytes());
            segments.put(Segment.TEMPORARY, (double) m.tempBufferBytes());
            segments.put(Segment.KV_AUX, m.kvAuxBytes());
            segments.put(Segment.WORKSPACES, m.modelWorkspaceBytes() + m.logitWorkspaceBytes());
            segments.put(Segment.KV_PAGES, m.kvPagesBytes());
            Optional<String> failure = m.fits() ? Optional.empty()
                    : Optional.of(MlcLogFormatter.insufficientMemoryMessage(estimate, m));
            bars.add(new MemoryBar(Optional.of(m.mode()), segments, m.mode() == estimate.selectedMode(), m.fits(),
                    m.maxNumSequence(), m.maxTotalSequenceLength(), m.prefillChunkSize(), failure));
        }
        double budget = estimate.deviceBytes() * estimate.utilization();
        return new ChartModel(bars, budget, estimate.deviceBytes());
    }

    /** The largest value the chart must show (a bar or the device line). */
    public double maxBytes() {
        double max = deviceBytes;
        for (MemoryBar bar : bars) {
            max = Math.max(max, bar.totalBytes());
        }
        return max;
    }
}
