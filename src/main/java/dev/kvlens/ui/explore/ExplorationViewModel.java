package dev.kvlens.ui.explore;

import dev.kvlens.ui.explore.compare.CompareViewModel;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.model.CapacityMap;
import dev.kvlens.model.Device;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.PhysicalAllocation;
import dev.kvlens.model.ReverseSolver;
import dev.kvlens.model.Scenario;
import dev.kvlens.model.Waterfall;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The trade-off views over the estimator: the capacity map of the current scenario, the compile → runtime
 * waterfall of the selected mode, its physical allocation, and the reverse-solve commands (A/B: {@link CompareViewModel}).
 */
public final class ExplorationViewModel {

    /** Cells per axis of the capacity map. */
    public static final int MAP_SIZE = 48;

    private final EstimatorViewModel estimator;
    private final List<Device> presetDevices;
    private final ObjectBinding<Optional<CapacityMap>> capacityMap;
    private final ObjectBinding<List<Waterfall.Step>> waterfall;
    private final ObjectBinding<Optional<PhysicalAllocation>> physical;

    public ExplorationViewModel(EstimatorViewModel estimator, List<Device> presetDevices) {
        this.estimator = estimator;
        this.presetDevices = List.copyOf(presetDevices);
        capacityMap = Bindings.createObjectBinding(() -> estimate().map(e -> map(e.scenario())), estimator.resultProperty());
        waterfall = Bindings.createObjectBinding(() -> estimate()
                .filter(e -> e.stateKind() == Estimate.StateKind.KV_CACHE && e.selected().fits())
                .map(e -> Waterfall.of(e, e.selected())).orElse(List.of()), estimator.resultProperty());
        physical = Bindings.createObjectBinding(() -> estimate()
                .filter(e -> e.stateKind() == Estimate.StateKind.KV_CACHE && e.selected().fits())
                .map(e -> PhysicalAllocation.of(e, e.selected())), estimator.resultProperty());
    }

    public ObjectBinding<Optional<CapacityMap>> capacityMapProperty() {
        return capacityMap;
    }

    public ObjectBinding<List<Waterfall.Step>> waterfallProperty() {
        return waterfall;
    }

    public ObjectBinding<Optional<PhysicalAllocation>> physicalProperty() {
        return physical;
    }

    /** The batch the selected mode runs with now (the override, or MLC's default for the mode). */
    public int currentBatch() {
        return estimate().map(e -> (int) e.selected().maxNumSequence()).orElse(1);
    }

    /** The context length now (the override, or the model's window). */
    public int currentContext() {
        return estimate().map(e -> {
            long msl = e.selected().maxSingleSequenceLength();
            return msl <= 0 || msl > Integer.MAX_VALUE ? e.scenario().model().compile().contextWindowSize() : (int) msl;
        }).filter(c -> c > 0).orElse(8192);
    }

    /** Sets the context slider to the longest context that fits the current batch; returns it. */
    public OptionalInt applyMaxContext() {
        OptionalInt solved = estimate().map(e -> ReverseSolver.maxContext(e.scenario(), currentBatch()))
                .orElse(OptionalInt.empty());
        solved.ifPresent(estimator.contextLengthProperty()::set);
        return solved;
    }

    /** Sets the batch slider to the largest batch whose sequences reach the current context; returns it. */
    public OptionalInt applyMaxBatch() {
        int context = currentContext();
        OptionalInt solved = estimate().map(e -> ReverseSolver.maxBatch(e.scenario(), context)).orElse(OptionalInt.empty());
        solved.ifPresent(estimator.batchSizeProperty()::set);
        return solved;
    }

    /** Picks the smallest preset device that fits the current batch and context; returns it. */
    public Optional<Device> applySmallestDevice() {
        Optional<Device> device = estimate().flatMap(e -> ReverseSolver.smallestDevice(e.scenario(), presetDevices,
                OptionalInt.of(currentBatch()), OptionalInt.of(currentContext())));
        device.flatMap(d -> estimator.devices().stream()
                .filter(o -> !o.custom() && o.name().equals(d.name()) && o.bytes() == d.totalGlobalMemoryBytes()).findFirst())
                .ifPresent(estimator.deviceProperty()::set);
        return device;
    }

    /** Moves the batch and context sliders to a map cell. */
    public void selectCell(int batch, int context) {
        estimator.batchSizeProperty().set(batch);
        estimator.contextLengthProperty().set(context);
    }

    private Optional<Estimate> estimate() {
        EstimateResult r = estimator.result();
        return r == null ? Optional.empty() : r.estimate();
    }

    private static CapacityMap map(Scenario scenario) {
        int maxBatch = Math.max(8, scenario.model().compile().maxBatchSize());
        int window = scenario.model().compile().contextWindowSize();
        int maxContext = window > 0 ? window : 131072;
        int minContext = Math.min(512, maxContext);
        return CapacityMap.compute(scenario, CapacityMap.logScale(1, maxBatch, MAP_SIZE),
                CapacityMap.logScale(minContext, maxContext, MAP_SIZE));
    }
}
