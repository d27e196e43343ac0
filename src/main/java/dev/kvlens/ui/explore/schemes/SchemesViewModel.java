package dev.kvlens.ui.explore.schemes;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.explore.ModeVerdict;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.model.explore.SchemeFit;
import dev.kvlens.text.Language;
import dev.kvlens.text.Phrases;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;

/**
 * "Which quantizations fit this GPU": every scheme MLC accepts for the current model ({@link SchemeFit}) on the current
 * device and engine settings — parameters (exact, from each scheme's byte layout), the temporary buffer with its
 * provenance, MLC's KV capacity per mode and the verdict of the selected mode, worded in the user's language. The
 * same rows as {@code kvlens estimate --all-quantizations}.
 */
public final class SchemesViewModel {

    /** A scheme's row, worded. */
    public record Row(SchemeFit fit, String scheme, String parameters, String temporary, String local,
                      String interactive, String server, String verdict) {

        /** Whether the selected mode fits with this scheme. */
        public boolean fits() {
            ModeVerdict.Status s = fit.selectedVerdict().status();
            return s == ModeVerdict.Status.FITS || s == ModeVerdict.Status.TIGHT;
        }
    }

    private final EstimatorViewModel estimator;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ObjectBinding<List<Row>> rows;

    public SchemesViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
        // some twenty estimates and planner runs: only while the table is on screen
        rows = Bindings.createObjectBinding(() -> active.get() ? rows(estimator.result()) : List.of(),
                estimator.resultProperty(), active, Language.localeProperty());
    }

    /** Whether the table is on screen (the view sets it); the rows are computed only then. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** One row per scheme MLC accepts for the model, in MLC's registry order. */
    public ObjectBinding<List<Row>> rowsProperty() {
        return rows;
    }

    /** A fixed text of this screen (title, note, column headers), following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    private List<Row> rows(EstimateResult result) {
        if (result == null || result.estimate().isEmpty()) {
            return List.of();
        }
        ScenarioSpec spec;
        Scenario scenario;
        try {
            spec = estimator.spec();
            scenario = estimator.scenario();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return SchemeFit.all(spec.model(), spec.device(), spec.engine(), spec.rules(), scenario.model().target())
                .stream().map(SchemesViewModel::row).toList();
    }

    private static Row row(SchemeFit fit) {
        return new Row(fit, fit.scheme().name(), figure(fit.parameters()), figure(fit.tempFunction()),
                tokens(fit, EngineMode.LOCAL), tokens(fit, EngineMode.INTERACTIVE), tokens(fit, EngineMode.SERVER),
                Phrases.get(fit.selectedVerdict().shortPhrase()));
    }

    private static String figure(ByteFigure figure) {
        // read from a file or computed from the layout/planner: exact; the fitted heuristic: marked ≈
        return Language.get(figure.provenance().exact() ? "schemes.figure.exact" : "schemes.figure.estimated",
                Phrases.gib(figure.bytes()));
    }

    private static String tokens(SchemeFit fit, EngineMode mode) {
        return fit.maxTotalSequenceLength(mode).map(t -> Language.get("schemes.tokens", t))
                .orElse(Language.get("schemes.noStart"));
    }
}
