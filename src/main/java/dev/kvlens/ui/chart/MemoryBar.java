package dev.kvlens.ui.chart;

import dev.kvlens.model.EngineMode;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One bar of the memory chart: the compile report (mode empty) or one engine mode.
 *
 * @param mode          the engine mode, empty for the compile-report bar
 * @param segments      bytes per segment (missing segments are 0)
 * @param selected      whether this is the mode the engine runs in
 * @param fits          whether MLC's capacity is positive for the mode
 * @param batch         B (0 for the compile bar)
 * @param tokens        T (0 for the compile bar or when the mode does not fit)
 * @param prefill       P
 * @param insufficientMemoryMessage MLC's error text for this mode when it does not fit
 */
public record MemoryBar(Optional<EngineMode> mode, Map<Segment, Double> segments, boolean selected, boolean fits,
                        long batch, long tokens, long prefill, Optional<String> insufficientMemoryMessage) {

    public MemoryBar {
        segments = Map.copyOf(new EnumMap<>(segments));
    }

    public double bytes(Segment segment) {
        return segments.getOrDefault(segment, 0.0);
    }

    public double totalBytes() {
        return segments.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public boolean compileReport() {
        return mode.isEmpty();
    }
}
