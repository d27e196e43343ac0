package dev.kvlens.viewmodel;

import dev.kvlens.model.CapacityMap;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineOverrides;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.Estimator;
import dev.kvlens.model.ModeEstimate;
import dev.kvlens.model.PhysicalAllocation;
import dev.kvlens.model.ReverseSolver;
import dev.kvlens.model.Scenario;
import dev.kvlens.model.ScenarioSpec;
import dev.kvlens.model.Waterfall;
import dev.kvlens.model.WorkloadFit;
import dev.kvlens.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The trade-off views over the estimator: the capacity map of the current scenario, the compile → runtime
 * waterfall of the selected mode, its physical allocation, an A/B comparison and the reverse-solve commands.
 */
public final class ExplorationViewModel {

    /** Cells per axis of the capacity map. */
    public static final int MAP_SIZE = 48;

    /** One row of the A/B table. */
    public record Delta(String quantity, double aBytes, double bBytes) {
        public double differenceBytes() {
            return bBytes - aBytes;
        }

        public double percent() {
            return aBytes == 0 ? 0 : 100.0 * (bBytes - aBytes) / aBytes;
        }
    }

    private final EstimatorViewModel estimator;
    private final List<Device> presetDevices;
    private final ObjectBinding<Optional<CapacityMap>> capacityMap;
    private final ObjectBinding<List<Waterfall.Step>> waterfall;
    private final ObjectBinding<Optional<PhysicalAllocation>> physical;
    private final ObjectProperty<ScenarioSpec> pinned = new SimpleObjectProperty<>(this, "pinned");
    private final ObjectBinding<List<Delta>> comparison;
    private Scenario mapScenario;
    private CapacityMap lastMap;

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
        comparison = Bindings.createObjectBinding(this::compare, pinned, estimator.resultProperty());
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

    /** The scenario pinned as A (null: nothing pinned). */
    public ObjectProperty<ScenarioSpec> pinnedProperty() {
        return pinned;
    }

    public ObjectBinding<List<Delta>> comparisonProperty() {
        return comparison;
    }

    /** Pins the current scenario as A. */
    public void pinCurrent() {
        pinned.set(estimator.spec());
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

    /**
     * Sets the context slider to the longest context at which MLC, in the selected mode, starts and holds the batch
     * the slider asks for (one sequence when it is Auto); returns it. Same model function as {@code kvlens solve}.
     */
    public OptionalInt applyMaxContext() {
        OptionalInt solved = estimate().map(e -> ReverseSolver.maxContext(e.scenario())).orElse(OptionalInt.empty());
        solved.ifPresent(estimator.contextLengthProperty()::set);
        return solved;
    }

    /** Sets the batch slider to the largest batch whose sequences all fit at the context asked for; returns it. */
    public OptionalInt applyMaxBatch() {
        OptionalInt solved = estimate().map(e -> ReverseSolver.maxBatch(e.scenario())).orElse(OptionalInt.empty());
        solved.ifPresent(estimator.batchSizeProperty()::set);
        return solved;
    }

    /** Picks the smallest preset device on which MLC starts and holds what the sliders ask for; returns it. */
    public Optional<Device> applySmallestDevice() {
        Optional<Device> device = estimate().flatMap(e -> ReverseSolver.smallestDevice(e.scenario(), presetDevices,
                estimator::scenarioOn));
        device.flatMap(d -> estimator.devices().stream()
                .filter(o -> !o.custom() && o.name().equals(d.name()) && o.bytes() == d.totalGlobalMemoryBytes()).findFirst())
                .ifPresent(estimator.deviceProperty()::set);
        return device;
    }

    /**
     * The tooltip of a map cell, in the current language: B × L, MLC's KV capacity there and, when it does not fit,
     * which condition fails.
     */
    public String cellText(CapacityMap map, int x, int y) {
        WorkloadFit fit = map.fits()[y][x];
        String status = Messages.get(switch (map.cells()[y][x]) {
            case FITS -> "map.fits";
            case TIGHT -> "map.tight";
            case DOES_NOT_FIT -> "map.reason." + fit.failing().name();
        });
        return Messages.get("map.cell", map.batches()[x], map.contexts()[y],
                fit.tokens(), fit.maxTotalSequenceLength(), status);
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

    /**
     * The map of the scenario without its batch and context overrides: every cell sets both, so moving those two
     * sliders keeps the map (and its 2,304 estimates) as it is.
     */
    private CapacityMap map(Scenario scenario) {
        EngineOverrides o = scenario.engine().overrides().withMaxNumSequence(OptionalLong.empty())
                .withMaxSingleSequenceLength(OptionalLong.empty());
        Scenario key = scenario.withEngine(scenario.engine().withOverrides(o));
        if (key.equals(mapScenario)) {
            return lastMap;
        }
        int maxBatch = Math.max(8, key.model().compile().maxBatchSize());
        int window = key.model().compile().contextWindowSize();
        int maxContext = window > 0 ? window : 131072;
        int minContext = Math.min(512, maxContext);
        CapacityMap map = CapacityMap.compute(key, CapacityMap.logScale(1, maxBatch, MAP_SIZE),
                CapacityMap.logScale(minContext, maxContext, MAP_SIZE));
        mapScenario = key;
        lastMap = map;
        return map;
    }

    private List<Delta> compare() {
        ScenarioSpec a = pinned.get();
        Optional<Estimate> b = estimate();
        if (a == null || b.isEmpty()) {
            return List.of();
        }
        Estimate estimateA;
        try {
            estimateA = Estimator.estimate(a.toScenario());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        ModeEstimate ma = estimateA.selected();
        ModeEstimate mb = b.get().selected();
        List<Delta> rows = new ArrayList<>();
        rows.add(new Delta("parameters", ma.paramsBytes(), mb.paramsBytes()));
        rows.add(new Delta("temporary buffer", ma.tempBufferBytes(), mb.tempBufferBytes()));
        rows.add(new Delta("KV aux workspace", ma.kvAuxBytes(), mb.kvAuxBytes()));
        rows.add(new Delta("model + logit workspaces", ma.modelWorkspaceBytes() + ma.logitWorkspaceBytes(),
                mb.modelWorkspaceBytes() + mb.logitWorkspaceBytes()));
        rows.add(new Delta("KV cache pages", ma.kvPagesBytes(), mb.kvPagesBytes()));
        rows.add(new Delta("total", ma.totalBytes(), mb.totalBytes()));
        rows.add(new Delta("KV capacity (tokens)", ma.maxTotalSequenceLength(), mb.maxTotalSequenceLength()));
        rows.add(new Delta("batch", ma.maxNumSequence(), mb.maxNumSequence()));
        return rows;
    }
}
