package dev.kvlens.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The inverse questions, answered exactly by searching MLC's rules over the integers: how long a context fits
 * at this batch, how many sequences fit at this context, and which device is the smallest that fits. "Fits"
 * means MLC starts and its memory capacity Tmax at batch B holds B sequences of L tokens (see {@link CapacityMap}).
 */
public final class ReverseSolver {

    /** Largest batch searched. */
    public static final int MAX_BATCH = 1 << 20;

    private ReverseSolver() {
    }

    /** The longest context (up to the compiled context window) that fits B full sequences; empty if none. */
    public static OptionalInt maxContext(Scenario scenario, int batch) {
        long capacity = CapacityMap.capacityAt(scenario, batch);
        int window = contextLimit(scenario);
        // Tmax does not depend on L, so the largest L with B·L ≤ Tmax is found by bisection over 1..window.
        int low = 0;
        int high = window;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (CapacityMap.cell(capacity, batch, mid) != CapacityMap.Cell.DOES_NOT_FIT) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? OptionalInt.empty() : OptionalInt.of(low);
    }

    /** The largest batch whose sequences can all reach this context; empty if not even one fits. */
    public static OptionalInt maxBatch(Scenario scenario, int context) {
        // B·L grows and Tmax(B) shrinks with B: the predicate is monotone, bisection is exact.
        int low = 0;
        int high = MAX_BATCH;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (fits(scenario, mid, context)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? OptionalInt.empty() : OptionalInt.of(low);
    }

    /** Whether B sequences of L tokens fit. */
    public static boolean fits(Scenario scenario, int batch, int context) {
        return CapacityMap.cell(CapacityMap.capacityAt(scenario, batch), batch, context) != CapacityMap.Cell.DOES_NOT_FIT;
    }

    /**
     * The device with the least memory on which MLC starts in the scenario's mode and, when batch and context
     * are given, holds them.
     */
    public static Optional<Device> smallestDevice(Scenario scenario, List<Device> devices, OptionalInt batch,
                                                  OptionalInt context) {
        return devices.stream().sorted(Comparator.comparingLong(Device::totalGlobalMemoryBytes))
                .filter(device -> {
                    Scenario s = scenario.withDevice(device);
                    if (!Estimator.estimate(s).succeeds()) {
                        return false;
                    }
                    return batch.isEmpty() || context.isEmpty() || fits(s, batch.getAsInt(), context.getAsInt());
                })
                .findFirst();
    }

    private static int contextLimit(Scenario scenario) {
        int compiled = scenario.model().compile().contextWindowSize();
        return compiled > 0 ? compiled : 1 << 24;
    }
}
