package dev.kvlens.model;

/**
 * The {@code gpu_memory_utilization} the window offers, one home for its slider and its field. MLC takes any value
 * above 0 ({@link EngineSettings} checks that, and the command line accepts values above 1 with a warning); the
 * window's slider and the field it mirrors take 0.01 to 1.00 in steps of 0.01, so every value typed is one the slider
 * can show (rules §3.5: the utilization multiplies the device memory before anything is subtracted).
 */
public final class UtilizationRange {

    /** The smallest value the window takes. */
    public static final double MIN = 0.01;
    /** The largest value the window takes: all of the device. */
    public static final double MAX = 1.0;
    /** The slider's step. */
    public static final double STEP = 0.01;

    private UtilizationRange() {
    }

    /** Whether the window takes {@code value}. */
    public static boolean contains(double value) {
        return value >= MIN && value <= MAX;
    }
}
