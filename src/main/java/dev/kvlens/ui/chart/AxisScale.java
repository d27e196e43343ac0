package dev.kvlens.ui.chart;

/** The memory axis: a round top a little above the tallest bar, with 1, 2 or 5 × 10^n ticks. */
final class AxisScale {

    private AxisScale() {
    }

    /** A round axis top a little above the largest value: 1, 2 or 5 × 10^n ticks, at most ~10 of them. */
    static double niceUpperBound(double maxGib) {
        double tick = niceTick(maxGib * 1.08);
        return Math.max(tick, Math.ceil(maxGib * 1.08 / tick) * tick);
    }

    static double niceTick(double range) {
        double raw = Math.max(range, 0.001) / 8;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalized = raw / magnitude;
        double step = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
        return step * magnitude;
    }
}
