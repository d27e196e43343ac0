package dev.kvlens.model;

import dev.kvlens.model.engine.EngineSettings;

/**
 * {@code gpu_memory_utilization}: one home for what KV Lens takes — in the window's field, on the command line and in
 * a scenario file alike — and for the window's slider. MLC checks no range (rules §3.1: values above 1, or at most 0,
 * are accepted and used as they are); KV Lens takes every finite value above 0 ({@link EngineSettings} refuses the
 * rest: at or below 0 no memory can be planned) and warns above 1, where MLC plans with more memory than the device
 * has (rules §3.5: the utilization multiplies the device memory before anything is subtracted). The slider spans the
 * useful range, 0.01 to 1.00 in steps of 0.01; a value typed beyond it is taken and the slider rests at its end.
 */
public final class UtilizationRange {

    /** The slider's smallest value. */
    public static final double SLIDER_MIN = 0.01;
    /** The slider's largest value: all of the device. */
    public static final double SLIDER_MAX = 1.0;
    /** The slider's step. */
    public static final double STEP = 0.01;

    private UtilizationRange() {
    }

    /** Whether KV Lens takes {@code value}: a finite number above 0. */
    public static boolean accepts(double value) {
        return value > 0 && Double.isFinite(value);
    }

    /** Whether {@code value} is taken but plans with more memory than the device has (above 1): a warning. */
    public static boolean aboveDevice(double value) {
        return accepts(value) && value > SLIDER_MAX;
    }
}
