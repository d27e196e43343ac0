package dev.kvlens.model.explore;

import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.Scenario;
import java.util.Optional;

/**
 * Inverts the capacity rule: which device memory sizes make MLC compute a given Tmax for a mode
 * (rules §3.5 step 4). Used when a log shows the capacity but not the GPU.
 */
public final class DeviceMemorySolver {

    /** Search ceiling: 1 PiB. */
    static final long MAX_DEVICE_BYTES = 1L << 50;

    private DeviceMemorySolver() {
    }

    /** An inclusive range of device sizes in bytes. */
    public record Range(long minBytes, long maxBytes) {
        public boolean contains(long bytes) {
            return bytes >= minBytes && bytes <= maxBytes;
        }
    }

    /**
     * The device sizes (as the driver reports them) for which the given mode's memory capacity Tmax equals
     * {@code capacity}, keeping everything else of the scenario; empty when no size gives exactly that.
     */
    public static Optional<Range> deviceRangeForCapacity(Scenario scenario, EngineMode mode, long capacity) {
        long low = smallestDeviceReaching(scenario, mode, capacity);
        if (low < 0 || capacityAt(scenario, mode, low) != capacity) {
            return Optional.empty();
        }
        long next = smallestDeviceReaching(scenario, mode, capacity + 1);
        long high = next < 0 ? MAX_DEVICE_BYTES : next - 1;
        return Optional.of(new Range(low, high));
    }

    /** Tmax of a mode when the device has {@code deviceBytes}. */
    public static long capacityAt(Scenario scenario, EngineMode mode, long deviceBytes) {
        Device device = scenario.device();
        Scenario probe = scenario.withDevice(new Device(device.name(), device.backend(), deviceBytes));
        return Estimator.estimate(probe).mode(mode).orElseThrow().capacityFromMemory();
    }

    /** The smallest device size whose Tmax is at least {@code capacity}, or -1 above the search ceiling. */
    private static long smallestDeviceReaching(Scenario scenario, EngineMode mode, long capacity) {
        long low = 1;
        long high = MAX_DEVICE_BYTES;
        if (capacityAt(scenario, mode, high) < capacity) {
            return -1;
        }
        while (low < high) {
            long mid = low + (high - low) / 2;
            if (capacityAt(scenario, mode, mid) >= capacity) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
