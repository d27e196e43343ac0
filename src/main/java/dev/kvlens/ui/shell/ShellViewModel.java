package dev.kvlens.ui.shell;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.scenario.MlcCommands;
import dev.kvlens.text.Language;
import dev.kvlens.text.Phrases;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.imports.ImportViewModel;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The window's own state and commands: the status line (what MLC would do for the selected mode, or what the last
 * command did), the problem to show in a dialog, the recent files, and the file commands — reads and writes off the
 * FX thread, their outcome reported back on it ({@code fxThread}). Tested without the toolkit.
 */
public final class ShellViewModel {

    /** A failure to show: a header naming what failed and the message. */
    public record Problem(String header, String message) {
    }

    /** A recent file as the menu lists it. */
    public record RecentEntry(Path path, String label) {
    }

    private final EstimatorViewModel estimator;
    private final ImportViewModel imports;
    private final FileCommands files;
    private final RecentFiles recent;
    private final Executor fxThread;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper statusProblem = new ReadOnlyBooleanWrapper(this, "statusProblem");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ObservableList<RecentEntry> recentEntries = FXCollections.observableArrayList();
    private Path lastDirectory;

    /** @param fxThread where outcomes are reported ({@code Platform::runLater} in the window, direct in tests) */
    public ShellViewModel(EstimatorViewModel estimator, ImportViewModel imports, FileCommands files, RecentFiles recent,
                          Executor fxThread) {
        this.estimator = estimator;
        this.imports = imports;
        this.files = files;
        this.recent = recent;
        this.fxThread = fxThread;
        estimator.resultProperty().subscribe(this::showEstimate);
        Language.localeProperty().subscribe(l -> {
            showEstimate(estimator.result());
            listRecent();
        });
        recent.files().addListener((ListChangeListener<Path>) c -> listRecent());
    }

    /** The status line's text. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status line tells of a problem (an error, or a mode that does not fit). */
    public ReadOnlyBooleanProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    /** The last failure to show in a dialog (a new value for each failure). */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The recent files, newest first, labelled "name — folder". */
    public ObservableList<RecentEntry> recentEntries() {
        return recentEntries;
    }

    /** The folder file dialogs start in: where the last file was read or written. */
    public Path lastDirectory() {
        return lastDirectory;
    }

    /** A fixed text of the window (menus, dialog titles and filters), following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** A new File ▸ Open from this machine… dialog's view model. */
    public LocalModelsViewModel localModels() {
        return new LocalModelsViewModel(files, fxThread);
    }

    /** A text now (dialog titles are read when the dialog opens). */
    public String textNow(String key, Object... args) {
        return Language.get(key, args);
    }

    /** The About box's text now: the rule set's label in the current language, MLC's commit. */
    public String aboutText(AboutInfo about) {
        return Language.get("about.body", Phrases.get(about.rules()), about.mlcCommit());
    }

    /** Shows a message in the status line (until the estimate changes). */
    public void report(String message) {
        status.set(message);
    }

    /** Reports a failure: a dialog and the status line. */
    public void fail(String header, String message) {
        problem.set(new Problem(header, message));
        status.set(Language.get("io.problem.status", header, message));
    }

    // ------------------------------------------------------------------ files

    /**
     * Imports a file (read off the FX thread); a failure is reported and changes nothing. The future completes on the
     * FX thread with whether the Imported tab has something to show.
     */
    public CompletableFuture<Boolean> importFile(Path path) {
        lastDirectory = path.toAbsolutePath().getParent();
        return files.read(path, imports.symbols()).handleAsync((artifact, error) -> {
            String header = Language.get("import.failed", path.getFileName());
            if (error != null) {
                fail(header, FileCommands.message(error));
                return false;
            }
            try {
                status.set(Language.get("import.done", imports.importArtifact(artifact)));
            } catch (IllegalArgumentException e) { // all or nothing: a failure changed nothing
                fail(header, Phrases.message(Language.locale(), e));
                return false;
            }
            recent.use(path);
            return imports.printedRuntimeProperty().get() != null || !imports.functionMibProperty().get().isEmpty();
        }, fxThread);
    }

    /** Imports text (a pasted or dropped log); the future tells whether it was imported. */
    public CompletableFuture<Boolean> importText(String source, String text) {
        return files.parse(source, text, imports.symbols()).handleAsync((artifact, error) -> {
            if (error != null) {
                fail(Language.get("import.failed", source), FileCommands.message(error));
                return false;
            }
            try {
                status.set(Language.get("import.done", imports.importArtifact(artifact)));
                return true;
            } catch (IllegalArgumentException e) {
                fail(Language.get("import.failed", source), Phrases.message(Language.locale(), e));
                return false;
            }
        }, fxThread);
    }

    /** Saves the scenario and remembers the file. */
    public CompletableFuture<Void> saveScenarioTo(Path path) {
        try {
            return finish(files.saveScenario(estimator.document(), path), path, "save.done", true);
        } catch (IllegalArgumentException e) {
            fail(Language.get("error.title"), Phrases.message(Language.locale(), e));
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Writes the breakdown as CSV or JSON. */
    public CompletableFuture<Void> exportBreakdownTo(Path path, String kind) {
        Estimate estimate = estimator.result().estimate().orElse(null);
        if (estimate == null) {
            fail(Language.get("error.title"), estimator.result().error().orElse(""));
            return CompletableFuture.completedFuture(null);
        }
        Function<Estimate, CompletableFuture<Path>> write = "csv".equals(kind)
                ? e -> files.exportCsv(e, path) : e -> files.exportJson(e, path);
        return finish(write.apply(estimate), path, "export.done", false);
    }

    /** Writes a rendered chart as PNG. */
    public CompletableFuture<Void> exportPngTo(RenderedImage image, Path path) {
        return finish(files.exportPng(image, path), path, "export.done", false);
    }

    /** The mlc_llm commands for the scenario, for the clipboard; a failure is reported and gives nothing. */
    public Optional<String> mlcServeScript(boolean windows) {
        try {
            String script = estimator.commands().script(windows ? MlcCommands.Shell.POWERSHELL : MlcCommands.Shell.POSIX);
            status.set(Language.get("command.copied", script.lines().reduce((a, b) -> b).orElse(script)));
            return Optional.of(script);
        } catch (IllegalArgumentException e) {
            fail(Language.get("error.title"), Phrases.message(Language.locale(), e));
            return Optional.empty();
        }
    }

    private CompletableFuture<Void> finish(CompletableFuture<Path> work, Path path, String doneKey, boolean remember) {
        lastDirectory = path.toAbsolutePath().getParent();
        return work.handleAsync((done, error) -> {
            if (error == null) {
                status.set(Language.get(doneKey, done.toString()));
                if (remember) {
                    recent.use(done);
                }
            } else {
                fail(Language.get("export.failed", path.toString()), FileCommands.message(error));
            }
            return null;
        }, fxThread);
    }

    private void listRecent() {
        recentEntries.setAll(recent.files().stream()
                .map(p -> new RecentEntry(p, p.getFileName() + "  —  " + p.getParent())).toList());
    }

    // ------------------------------------------------------------------ the estimate's line

    private void showEstimate(EstimateResult result) {
        if (result == null) {
            return;
        }
        statusProblem.set(result.error().isPresent() || !result.estimate().orElseThrow().succeeds());
        status.set(StatusText.of(result));
    }
}
