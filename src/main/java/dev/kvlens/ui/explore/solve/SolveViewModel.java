package dev.kvlens.ui.explore.solve;

import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.model.Device;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.explore.ReverseSolver;
import dev.kvlens.text.Language;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The reverse-solve commands over the estimator: the longest context, the largest batch and the smallest preset
 * device that fit (rules §3.5 solved for the input). The other trade-off screens have their own view models.
 */
public final class SolveViewModel {

    private final EstimatorViewModel estimator;
    private final List<Device> presetDevices;

    public SolveViewModel(EstimatorViewModel estimator, List<Device> presetDevices) {
        this.estimator = estimator;
        this.presetDevices = List.copyOf(presetDevices);
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

    // ------------------------------------------------------------------ the buttons' words

    /** Runs {@link #applyMaxContext()} and says what it did, in the user's language. */
    public String solveMaxContext() {
        return report("knob.context", applyMaxContext());
    }

    /** Runs {@link #applyMaxBatch()} and says what it did. */
    public String solveMaxBatch() {
        return report("knob.batch", applyMaxBatch());
    }

    /** Runs {@link #applySmallestDevice()} and says what it did. */
    public String solveSmallestDevice() {
        return applySmallestDevice().map(d -> Language.get("solve.done", Language.get("scenario.device"), d.name()))
                .orElse(Language.get("solve.none"));
    }

    /** A fixed text of the solve buttons, following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    private static String report(String knobKey, OptionalInt value) {
        return value.isPresent() ? Language.get("solve.done", Language.get(knobKey), value.getAsInt())
                : Language.get("solve.none");
    }

    private Optional<Estimate> estimate() {
        EstimateResult r = estimator.result();
        return r == null ? Optional.empty() : r.estimate();
    }
}
