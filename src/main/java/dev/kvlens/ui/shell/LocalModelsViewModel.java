package dev.kvlens.ui.shell;

import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.text.Language;
import dev.kvlens.ui.common.FileCommands;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * File ▸ Open from this machine…: the models MLC and Hugging Face keep in their caches, named as users know them
 * ("MLC weights · name · compiled for …"), searched off the FX thread, and what the dialog says while it looks.
 */
public final class LocalModelsViewModel {

    private final FileCommands files;
    private final Executor fxThread;
    private final ObservableList<InstalledModel> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    /** @param fxThread where the search's outcome is shown ({@code Platform::runLater} in the window) */
    public LocalModelsViewModel(FileCommands files, Executor fxThread) {
        this.files = files;
        this.fxThread = fxThread;
    }

    /** A fixed text of the dialog (title, header, buttons). */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** What was found (empty until the search is done). */
    public ObservableList<InstalledModel> entries() {
        return entries;
    }

    /** "Looking…" while searching, where it looked when nothing was found, "" when there are entries. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Searches the caches; the future completes once the outcome is shown (on {@code fxThread}). */
    public CompletableFuture<Void> search() {
        status.set(Language.get("local.searching"));
        CompletableFuture<Void> shown = new CompletableFuture<>();
        files.installedModels().whenComplete((found, error) -> fxThread.execute(() -> {
            show(error == null ? found : List.of());
            shown.complete(null);
        }));
        return shown;
    }

    /** An entry as the list shows it: its kind, its name and, for a library, the weights it was compiled for. */
    public static String label(InstalledModel entry) {
        String compiledFor = entry.weights().map(w -> " · " + Language.get("local.compiledFor",
                Path.of(w).getFileName())).orElse("");
        return Language.get("local.kind." + entry.kind().name()) + " · " + entry.name() + compiledFor;
    }

    private void show(List<InstalledModel> found) {
        entries.setAll(found);
        if (found.isEmpty()) {
            List<Path> caches = files.modelCaches();
            status.set(Language.get("local.empty", caches.get(0), caches.get(1)));
        } else {
            status.set("");
        }
    }
}
