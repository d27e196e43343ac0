package dev.kvlens.ui.log;

import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The MLC log pane: the exact lines MLC prints for the scenario (engine start, then compile), its words, and the copy
 * command with its "copied" note, which stays until the lines change.
 */
public final class LogViewModel {

    private final EstimatorViewModel estimator;
    private final ReadOnlyBooleanWrapper copied = new ReadOnlyBooleanWrapper(this, "copied");
    private final ObservableValue<String> title = Language.text("log.title");
    private final ObservableValue<String> copyText = Language.text("log.copy");
    private final ObservableValue<String> copiedNote;

    public LogViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
        this.copiedNote = Bindings.createStringBinding(() -> copied.get() ? Language.get("log.copied") : "",
                copied, Language.localeProperty());
        estimator.logTextProperty().subscribe(lines -> copied.set(false));
    }

    /** MLC's lines for the scenario. */
    public ObservableValue<String> logTextProperty() {
        return estimator.logTextProperty();
    }

    /** The pane's title. */
    public ObservableValue<String> titleProperty() {
        return title;
    }

    /** The copy button's text. */
    public ObservableValue<String> copyTextProperty() {
        return copyText;
    }

    /** "Copied to the clipboard." after {@link #copy}, until the lines change; "" otherwise. */
    public ObservableValue<String> copiedNoteProperty() {
        return copiedNote;
    }

    /** The lines to put on the clipboard (the latest, even while the pane waits to show them). */
    public String copy() {
        copied.set(true);
        return estimator.logTextProperty().getValue();
    }
}
