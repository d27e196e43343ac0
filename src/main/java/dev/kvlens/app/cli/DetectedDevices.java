package dev.kvlens.app.cli;

import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.GpuDetector;

import java.util.List;
import java.util.function.Supplier;

/**
 * The GPUs detected on this machine, asked for at most once per command line and only when needed
 * ({@code --gpu auto}, {@code kvlens devices}). Tests give a detector with fake tools on its PATH.
 */
final class DetectedDevices {

    private final Supplier<List<DetectedDevice>> detector;
    private List<DetectedDevice> found;

    DetectedDevices(Supplier<List<DetectedDevice>> detector) {
        this.detector = detector;
    }

    static DetectedDevices ofThisMachine() {
        return new DetectedDevices(() -> GpuDetector.forThisMachine().detect());
    }

    synchronized List<DetectedDevice> get() {
        if (found == null) {
            found = List.copyOf(detector.get());
        }
        return found;
    }
}
