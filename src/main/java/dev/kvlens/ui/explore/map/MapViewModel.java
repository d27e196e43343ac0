package dev.kvlens.ui.explore.map;

import dev.kvlens.model.explore.CapacityMap;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.explore.WorkloadFit;
import dev.kvlens.text.Language;
import dev.kvlens.ui.explore.solve.SolveViewModel;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The capacity map of the current scenario: batch size × context length on log scales, each cell whether MLC in the
 * selected mode starts and its KV cache then holds B sequences of L tokens (rules §3.5); clicking a cell moves the
 * sliders there.
 */
public final class MapViewModel {

    /** Cells per axis of the capacity map. */
    public static final int MAP_SIZE = 48;

    private final EstimatorViewModel estimator;
    private final SolveViewModel solve;
    private final ObjectBinding<Optional<CapacityMap>> capacityMap;
    private Scenario mapScenario;
    private CapacityMap lastMap;

    /** @param solve where the current batch and context (the map's marker) come from */
    public MapViewModel(EstimatorViewModel estimator, SolveViewModel solve) {
        this.estimator = estimator;
        this.solve = solve;
        capacityMap = Bindings.createObjectBinding(() -> estimate().map(e -> map(e.scenario())), estimator.resultProperty());
    }

    public ObjectBinding<Optional<CapacityMap>> capacityMapProperty() {
        return capacityMap;
    }

    /** Moves the batch and context sliders to a map cell. */
    public void selectCell(int batch, int context) {
        estimator.batchSizeProperty().set(batch);
        estimator.contextLengthProperty().set(context);
    }

    /** The batch the marker stands at. */
    public int currentBatch() {
        return solve.currentBatch();
    }

    /** The context the marker stands at. */
    public int currentContext() {
        return solve.currentContext();
    }

    /**
     * What a cell means, in the user's language (the hover text): B × L, MLC's KV capacity there and, when it does
     * not fit, which condition fails — MLC refuses to start, or its KV cache cannot hold B × L tokens.
     */
    public String describe(CapacityMap map, int x, int y) {
        WorkloadFit fit = map.fits()[y][x];
        String status = Language.get(switch (map.cells()[y][x]) {
            case FITS -> "map.fits";
            case TIGHT -> "map.tight";
            case DOES_NOT_FIT -> "map.reason." + fit.failing().name();
        });
        return Language.get("map.cell", map.batches()[x], map.contexts()[y], fit.tokens(), fit.maxTotalSequenceLength(),
                status);
    }

    /** A fixed text of this screen (title, note, legend, axes), following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** The language, for what is drawn on the canvas (it is redrawn when this changes). */
    public ObservableValue<?> languageProperty() {
        return Language.localeProperty();
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
}
