package dev.kvlens.ui.imports;

import dev.kvlens.ui.scenario.DeviceOption;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.scenario.ScenarioSnapshot;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.Device;
import dev.kvlens.model.explore.DeviceMemorySolver;
import dev.kvlens.model.mlc.Imports;
import dev.kvlens.model.mlc.LibraryModels;
import dev.kvlens.model.mlc.SameModel;
import dev.kvlens.text.Language;
import dev.kvlens.text.Messages;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrased;
import dev.kvlens.text.Phrases;
import javafx.beans.value.ObservableValue;
import dev.kvlens.model.mlc.LogComparison;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.mlc.RuleSetEras;
import dev.kvlens.model.engine.Scenario;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user brought in from MLC: imported configs, compile logs and metadata become inputs of the
 * estimator view model; runtime logs become an overlay — MLC's printed numbers next to ours — with the
 * device-memory range that explains them.
 */
public final class ImportViewModel {

    private final EstimatorViewModel estimator;
    private final ReadOnlyObjectWrapper<PrintedLog.Runtime> printedRuntime = new ReadOnlyObjectWrapper<>(this, "printedRuntime");
    private final ReadOnlyObjectWrapper<Map<String, Double>> functionMib =
            new ReadOnlyObjectWrapper<>(this, "functionMib", Map.of());
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    /** What the last import did, as phrases; {@link #notes} words them in the current language. */
    private final List<Phrase> notes = new ArrayList<>();
    private final ObservableList<String> notesText = FXCollections.observableArrayList();
    private final OverlayViewModel overlay;

    public ImportViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
        this.overlay = new OverlayViewModel(estimator, printedRuntime.getReadOnlyProperty());
        Language.localeProperty().addListener((o, was, now) -> reword());
    }

    /** The imported runtime lines, if any. */
    public ReadOnlyObjectProperty<PrintedLog.Runtime> printedRuntimeProperty() {
        return printedRuntime.getReadOnlyProperty();
    }

    /** MLC's printed numbers next to ours (empty without a runtime log). */
    public ObjectBinding<List<LogComparison.Row>> comparisonProperty() {
        return overlay.comparisonProperty();
    }

    /** Device sizes that make MLC print the log's server capacity with the current inputs. */
    public ObjectBinding<Optional<DeviceMemorySolver.Range>> solvedDeviceProperty() {
        return overlay.solvedDeviceProperty();
    }

    /** The last imported file or paste, or what to do when there is none, in the user's language. */
    public ObservableValue<String> sourceTextProperty() {
        return Bindings.createStringBinding(() -> source.get().isEmpty() ? Language.get("import.nothing") : source.get(),
                source, Language.localeProperty());
    }

    /** A fixed text of the Imported tab, following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** A phrase of the comparison table in the current language (the table is rebuilt on a switch). */
    public String said(Phrase phrase) {
        return Phrases.get(phrase);
    }

    /** The overlay's texts: verdict and solved device memory. */
    public OverlayViewModel overlay() {
        return overlay;
    }

    /** Per-function temporary buffers of the imported compile log or metadata, MiB, largest first. */
    public ReadOnlyObjectProperty<Map<String, Double>> functionMibProperty() {
        return functionMib.getReadOnlyProperty();
    }

    /** The last imported file or paste. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** What the last import did (for the user, in the current language: re-worded on a switch), newest last. */
    public ObservableList<String> notes() {
        return FXCollections.unmodifiableObservableList(notesText);
    }

    private void note(Phrase phrase) {
        notes.add(phrase);
        notesText.add(Phrases.get(phrase));
    }

    private void reword() {
        notesText.setAll(notes.stream().map(Phrases::get).toList());
    }

    /** Values that resolve symbolic shapes of library metadata for the current model. */
    public Map<String, Long> symbols() {
        ModelDescription model = estimator.modelProperty().get();
        return model == null ? Map.of() : Map.of("vocab_size", (long) model.geometry().vocabSize());
    }

    /**
     * Applies an artifact to the scenario and returns a one-line summary. Call on the FX thread. All or nothing:
     * when any step fails, the scenario and this import state are put back exactly as they were and an
     * {@link IllegalArgumentException} with a one-line message naming the source is thrown.
     */
    public String importArtifact(Artifact artifact) {
        ScenarioSnapshot scenario = ScenarioSnapshot.of(estimator);
        PrintedLog.Runtime runtimeBefore = printedRuntime.get();
        Map<String, Double> functionsBefore = functionMib.get();
        String sourceBefore = source.get();
        List<Phrase> notesBefore = List.copyOf(notes);
        try {
            return importAll(artifact);
        } catch (RuntimeException e) {
            scenario.restore(estimator);
            printedRuntime.set(runtimeBefore);
            functionMib.set(functionsBefore);
            source.set(sourceBefore);
            notes.clear();
            notes.addAll(notesBefore);
            reword();
            String why = e instanceof ArithmeticException ? Messages.get("import.tooLarge")
                    : e.getMessage() == null && !(e instanceof Phrased) ? Messages.get("import.doesNotFit") : Phrases.message(Language.locale(), e);
            throw new IllegalArgumentException(dev.kvlens.text.UserText.oneLine(
                    Messages.get("import.notImported", artifact.source(), why)), e);
        }
    }

    private String importAll(Artifact artifact) {
        source.set(artifact.source());
        notes.clear();
        notesText.clear();
        if (artifact instanceof Artifact.ModelConfig config) {
            return importModel(config);
        }
        if (artifact instanceof Artifact.ModelFolder folder) {
            return importFolder(folder);
        }
        if (artifact instanceof Artifact.Metadata metadata) {
            return importMetadata(metadata);
        }
        if (artifact instanceof Artifact.Log log) {
            return importLog(log);
        }
        Artifact.SavedScenario saved = (Artifact.SavedScenario) artifact;
        estimator.apply(saved.document());
        printedRuntime.set(null);
        return Messages.get("import.summary.opened", saved.source());
    }

    /** Uses the smallest device size consistent with the imported runtime log. */
    public void adoptSolvedDevice() {
        overlay.solvedDeviceProperty().get().ifPresent(range -> {
            DeviceOption custom = estimator.devices().get(estimator.devices().size() - 1);
            Device current = estimator.scenario().device();
            estimator.customBackendProperty().set(current.backend());
            estimator.customDeviceBytesProperty().set(range.minBytes());
            estimator.deviceProperty().set(custom);
            note(Phrase.of("import.note.deviceSet", Long.toString(range.minBytes())));
        });
    }

    private String importModel(Artifact.ModelConfig config) {
        ModelDescription description = estimator.addImported(config.description());
        estimator.modelProperty().set(description);
        description.quantization().ifPresent(estimator.quantizationProperty()::set);
        config.modelLocation().ifPresent(estimator.modelLocationProperty()::set);
        note(Phrase.of("import.note.modelAdded", description.name(),
                Integer.toString(description.geometry().numHiddenLayers()),
                Integer.toString(description.geometry().numKeyValueHeads()),
                Integer.toString(description.compile().contextWindowSize()),
                Integer.toString(description.compile().prefillChunkSize())));
        return Messages.get("import.summary.imported", config.source());
    }

    private String importFolder(Artifact.ModelFolder folder) {
        importModel(new Artifact.ModelConfig(folder.source(), folder.description(), folder.modelLocation()));
        folder.params().ifPresent(p -> {
            estimator.givenParamsBytesProperty().set(p);
            note(Phrase.of("import.note.folderParams", folder.source(), Long.toString(p.bytes()), p.note()));
        });
        folder.weightsDtype().ifPresent(d -> note(Phrase.of("import.note.weightsDtype", folder.source(), d)));
        return Messages.get("import.summary.imported", folder.source());
    }

    /**
     * Applies library metadata to the current model, or — when the library belongs to another model — switches to the
     * model the library itself describes, so one model's parameters never meet another's KV geometry.
     */
    private String importMetadata(Artifact.Metadata metadata) {
        ModelDescription current = estimator.modelProperty().get();
        Optional<SameModel.Mismatch> mismatch = current == null ? Optional.empty()
                : SameModel.mismatch(current, metadata.metadata(), metadata.source());
        if (current == null || mismatch.isPresent()) {
            ModelDescription own;
            try {
                own = LibraryModels.describe(metadata.source(), metadata.metadata());
            } catch (IllegalArgumentException e) {
                throw mismatch.map(m -> new dev.kvlens.text.PhrasedException("import.note.otherModelRefused",
                        m.comparison(), Phrases.of(e))).orElseThrow(() -> e);
            }
            estimator.modelProperty().set(estimator.addImported(own));
            own.quantization().ifPresent(estimator.quantizationProperty()::set);
            estimator.givenParamsBytesProperty().set(null);
            estimator.givenTempFuncBytesProperty().set(null);
            mismatch.ifPresent(m -> note(Phrase.of("import.note.otherModel", m.comparison(), own.name())));
            if (metadata.metadata().limits().maxBatchSize().isEmpty()) {
                note(Phrase.of("import.note.assumedBatch", own.compile().maxBatchSize()));
            }
        }
        metadata.library().ifPresent(origin -> note(Phrase.of("import.note.readFrom", origin.file(),
                origin.form().phrase(), origin.target().orElse("?"))));
        return importFigures(Imports.metadata(estimator.modelProperty().get(), metadata.metadata(), metadata.source()),
                bytesToMib(metadata.metadata().functionBytes()));
    }

    private String importLog(Artifact.Log log) {
        PrintedLog printed = log.log();
        List<String> summary = new ArrayList<>();
        printed.compile().ifPresent(compile -> {
            ModelDescription current = estimator.modelProperty().get();
            SameModel.mismatch(current, compile.metadata(), log.source()).ifPresent(m -> {
                throw new dev.kvlens.text.PhrasedException("import.note.otherCompileLog", m.source(), m.theirType(),
                        m.ourName(), m.ourType());
            });
            Imports.Applied applied = Imports.compileLog(estimator.modelProperty().get(),
                    estimator.quantizationProperty().get(), compile, log.source());
            Map<String, Double> functions = new LinkedHashMap<>();
            compile.functionMib().forEach((name, mib) -> functions.put(name, mib.doubleValue()));
            summary.add(importFigures(applied, functions));
        });
        printed.runtime().ifPresent(runtime -> {
            RuntimeLogChoices.adopt(estimator, runtime, RuleSetEras.ofLog(printed).orElse(RuleSet.D2025),
                    source.get(), this::note);
            printedRuntime.set(runtime);
            summary.add(Messages.get("import.summary.compared", runtime.modes().size(), log.source()));
        });
        printed.loggedOn().ifPresent(date -> { // after any model change, which clears it
            estimator.builtOnProperty().set(date);
            note(Phrase.of("import.note.builtOn", date.toString()));
        });
        printed.warnings().forEach(this::note);
        return String.join("; ", summary);
    }

    private String importFigures(Imports.Applied applied, Map<String, Double> functions) {
        ModelDescription current = estimator.modelProperty().get();
        if (!applied.model().equals(current)) {
            ModelDescription compiled = new ModelDescription(applied.model().id(), applied.model().name() + " · " + source.get(),
                    applied.model().geometry(), applied.model().quantization(), applied.model().compile(),
                    applied.model().chatConfig(), applied.model().source());
            estimator.modelProperty().set(estimator.addImported(compiled));
        }
        estimator.prefillIsRuntimeOverrideProperty().set(false);
        estimator.prefillChunkProperty().set(estimator.modelProperty().get().compile().prefillChunkSize());
        applied.params().ifPresent(estimator.givenParamsBytesProperty()::set);
        applied.temp().ifPresent(estimator.givenTempFuncBytesProperty()::set);
        applied.notes().forEach(this::note);
        Map<String, Double> sorted = new LinkedHashMap<>();
        functions.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        functionMib.set(java.util.Collections.unmodifiableMap(sorted));
        return Messages.get("import.summary.imported", source.get());
    }

    private static Map<String, Double> bytesToMib(Map<String, Long> bytes) {
        Map<String, Double> mib = new LinkedHashMap<>();
        bytes.forEach((name, value) -> mib.put(name, value / (1024.0 * 1024.0)));
        return mib;
    }
}
