package dev.kvlens.model.explore;

import dev.kvlens.model.Device;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.library.ModelLimits;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The inverse questions, answered exactly over the integers with MLC's own semantics per mode: the longest context,
 * the largest batch and the smallest device with which MLC, in the scenario's mode, starts and holds the workload
 * asked for ({@link WorkloadFit}: server fills what is left up to B × L tokens, local and interactive cap the KV cache
 * at one sequence). An empty batch or context is left to MLC and asks for one sequence or nothing beyond MLC starting.
 *
 * <p>Both searches bisect: along L (B fixed) T ≥ B·L and L within the window only get harder, along B (L fixed)
 * Tmax shrinks (the workspaces grow with B) while B·L grows; a test compares both with a brute force over the integers.
 */
public final class ReverseSolver {

    /** Largest batch searched. */
    public static final int MAX_BATCH = 1 << 20;
    /** Largest context searched when the model has no context limit (sliding-window-only models). */
    static final int MAX_UNLIMITED_CONTEXT = 1 << 24;

    private ReverseSolver() {
    }

    /**
     * What the scenario asks for: its user overrides max_num_sequence (B) and max_single_sequence_length (L), empty
     * where MLC decides. The window's sliders and the CLI's {@code --max-num-sequence} and
     * {@code --max-single-sequence-length} set these, so both solve the same question.
     */
    public static Workload asked(Scenario scenario) {
        EngineOverrides o = scenario.engine().overrides();
        return new Workload(toInt(o.maxNumSequence()), toInt(o.maxSingleSequenceLength()));
    }

    /** The longest context at the batch the scenario asks for (one sequence when MLC decides B). */
    public static OptionalInt maxContext(Scenario scenario) {
        return maxContext(scenario, asked(scenario).batch());
    }

    /**
     * The largest batch at the context the scenario asks for; when MLC decides L, sequences of the single-sequence
     * length MLC would use in this mode (the context window; one token when the model has no limit).
     */
    public static OptionalInt maxBatch(Scenario scenario) {
        OptionalInt context = asked(scenario).context();
        if (context.isEmpty()) {
            long msl = Estimator.estimate(scenario).selected().maxSingleSequenceLength();
            context = msl > 0 && msl <= Integer.MAX_VALUE ? OptionalInt.of((int) msl) : OptionalInt.empty();
        }
        return maxBatch(scenario, context);
    }

    /**
     * The smallest device that holds the workload the scenario asks for, each device with the scenario
     * {@code on(device)} gives: the window and the CLI build the library for the device's backend there, as they do
     * when that device is chosen (an unmeasured temporary buffer is estimated per compile target).
     */
    public static Optional<Device> smallestDevice(Scenario scenario, List<Device> devices, Function<Device, Scenario> on) {
        return smallestDevice(devices, on, asked(scenario));
    }

    /** The longest context (within what MLC allows) at which the workload of {@code batch} fits; empty if none. */
    public static OptionalInt maxContext(Scenario scenario, OptionalInt batch) {
        Workload asked = new Workload(batch, OptionalInt.empty());
        return largest(contextLimit(scenario), l -> fits(scenario, asked.withContext(l)));
    }

    /** The largest batch whose sequences all fit at {@code context}; empty if not even one does. */
    public static OptionalInt maxBatch(Scenario scenario, OptionalInt context) {
        Workload asked = new Workload(OptionalInt.empty(), context);
        int limit = scenario.model().geometry().family().usesRnnState() ? InputLimits.MAX_RNN_BATCH : MAX_BATCH;
        return largest(limit, b -> fits(scenario, asked.withBatch(b)));
    }

    /** Whether MLC starts and holds the workload. */
    public static boolean fits(Scenario scenario, Workload workload) {
        return WorkloadFit.of(scenario, workload).fits();
    }

    /** The device with the least memory on which MLC starts in the scenario's mode and holds the workload. */
    public static Optional<Device> smallestDevice(Scenario scenario, List<Device> devices, Workload workload) {
        return smallestDevice(devices, scenario::withDevice, workload);
    }

    /** The device with the least memory whose scenario {@code on(device)} starts MLC and holds the workload. */
    public static Optional<Device> smallestDevice(List<Device> devices, Function<Device, Scenario> on, Workload workload) {
        return devices.stream().sorted(Comparator.comparingLong(Device::totalGlobalMemoryBytes))
                .filter(device -> fits(on.apply(device), workload))
                .findFirst();
    }

    private static OptionalInt toInt(java.util.OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /** The largest n in 1..high with {@code fits(n)}, for a predicate that holds on a prefix; empty if none. */
    private static OptionalInt largest(int high, IntPredicate fits) {
        int low = 0;
        while (low < high) {
            int mid = low + (high - low + 1) / 2;
            if (fits.test(mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low == 0 ? OptionalInt.empty() : OptionalInt.of(low);
    }

    /** The longest single sequence MLC can be given: the smallest compiled context window (rules §3.3). */
    static int contextLimit(Scenario scenario) {
        long window = ModelLimits.of(scenario.models(), scenario.rules()).compileMaxSingleSequenceLength();
        return window > 0 && window < MAX_UNLIMITED_CONTEXT ? (int) window : MAX_UNLIMITED_CONTEXT;
    }
}
