package dev.kvlens.ui.scenario;

import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.text.Language;
import dev.kvlens.ui.common.FileCommands;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The scenario panel's "Draft models" row: MLC's additional models (speculative decoding, rules §3.8) as the row
 * lists them, the words of its buttons and file dialogs, and adding one read from a file, with the status message.
 */
public final class DraftModelsViewModel {

    /** A draft model as the row lists it: "name (scheme)" and its remove button's text. */
    public record Row(String label, String removeText) {
    }

    private final EstimatorViewModel estimator;
    private final ObservableValue<List<Row>> rows;

    DraftModelsViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
        this.rows = Bindings.createObjectBinding(this::listRows, estimator.additionalModels(), Language.localeProperty());
    }

    /** A fixed text of the row (title, tooltip, buttons, "none", the file dialogs' titles and filter). */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** The draft models, in order, worded in the user's language. */
    public ObservableValue<List<Row>> rowsProperty() {
        return rows;
    }

    /** Reads a draft model off the FX thread (nothing changes yet; {@link #adopt} does that). */
    public CompletableFuture<AdditionalModel> read(FileCommands files, Path path) {
        return estimator.readAdditionalModel(files, path);
    }

    /**
     * Adds what {@link #read} gave, or nothing when it failed, and says which in the status line's words: a failure
     * names the file and why.
     */
    public String adopt(Path path, AdditionalModel model, Throwable error) {
        if (error != null) {
            return Language.get("io.problem.status", Language.get("draft.failed", path.getFileName()),
                    FileCommands.message(error));
        }
        estimator.addAdditionalModel(model);
        return Language.get("draft.added", model.description().name());
    }

    /** Removes the draft model at {@code index}. */
    public void remove(int index) {
        estimator.removeAdditionalModel(index);
    }

    private List<Row> listRows() {
        return estimator.additionalModels().stream().map(m -> new Row(
                Language.get("draft.entry", m.description().name(), m.scheme().name()),
                Language.get("draft.remove", m.description().name()))).toList();
    }
}
