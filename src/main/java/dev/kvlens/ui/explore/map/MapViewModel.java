package dev.kvlens.ui.explore.map;

import dev.kvlens.model.CapacityMap;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.Scenario;
import dev.kvlens.text.Language;
import dev.kvlens.ui.explore.solve.SolveViewModel;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;

import java.util.Optional;

/**
 * The capacity map of the current scenario: batch size × context length on log scales, each cell whether B
 * sequences of L tokens fit MLC's capacity at batch B (rules §3.5); clicking a cell moves the sliders there.
 */
public final class MapViewModel {

    /** Cells per axis of the capacity map. */
    public static final int MAP_SIZE = 48;

    private final EstimatorViewModel estimator;
    private final SolveViewModel solve;
    private final ObjectBinding<Optional<CapacityMap>> capacityMap;

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

    /** What a cell means, in the user's language (the hover text). */
    public String describe(CapacityMap map, int x, int y) {
        int batch = map.batches()[x];
        int context = map.contexts()[y];
        return Language.get("map.cell", batch, context, (long) batch * context, map.capacity()[x],
                Language.get(switch (map.cells()[y][x]) {
                    case FITS -> "map.fits";
                    case TIGHT -> "map.tight";
                    case DOES_NOT_FIT -> "map.noFit";
                }));
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

    private static CapacityMap map(Scenario scenario) {
        int maxBatch = Math.max(8, scenario.model().compile().maxBatchSize());
        int window = scenario.model().compile().contextWindowSize();
        int maxContext = window > 0 ? window : 131072;
        int minContext = Math.min(512, maxContext);
        return CapacityMap.compute(scenario, CapacityMap.logScale(1, maxBatch, MAP_SIZE),
                CapacityMap.logScale(minContext, maxContext, MAP_SIZE));
    }
}
