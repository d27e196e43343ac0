package dev.kvlens.ui.scenario;

import dev.kvlens.ui.chart.ChartModel;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.Backend;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.Device;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.mlc.RuleSetEras;
import dev.kvlens.model.scenario.MlcCommands;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.text.Language;
import dev.kvlens.text.Messages;
import dev.kvlens.text.Phrases;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The estimator behind the window: writable inputs for the pickers and sliders, one derived result
 * recomputed from all of them (rules via {@link Estimator}), and read-only views for the chart and log.
 * No scene graph here; tested without the toolkit.
 */
public final class EstimatorViewModel extends ScenarioInputs {


    private final ReadOnlyObjectWrapper<EstimateResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final LibraryCache libraries = new LibraryCache();

    /**
     * @param modelChoices   the models to pick from (presets first)
     * @param deviceChoices  the devices to pick from; a "custom" entry is appended
     * @param initialModel   the model shown first
     * @param initialScheme  the quantization shown first
     * @param initialDevice  the device shown first
     */
    public EstimatorViewModel(List<ModelDescription> modelChoices, List<DeviceOption> deviceChoices,
                              ModelDescription initialModel, Quantization initialScheme, DeviceOption initialDevice) {
        models.setAll(modelChoices);
        presets.addAll(modelChoices);
        devices.setAll(deviceChoices);
        devices.add(new DeviceOption(DeviceOption.CUSTOM_ID, "Custom", Backend.CUDA, 24L << 30));
        model.set(Objects.requireNonNull(initialModel));
        quantization.set(Objects.requireNonNull(initialScheme));
        device.set(Objects.requireNonNull(initialDevice));
        prefillChunk.set(initialModel.compile().prefillChunkSize());
        model.addListener((obs, old, now) -> onModelChanged(now));
        // Measured figures belong to one compiled library: changing what would be compiled drops them.
        quantization.addListener((obs, old, now) -> {
            givenParamsBytes.set(null);
            givenTempFuncBytes.set(null);
        });
        tensorParallelShards.addListener((obs, old, now) -> {
            givenParamsBytes.set(null);
            givenTempFuncBytes.set(null);
        });
        prefillChunk.addListener((obs, old, now) -> {
            if (!prefillIsRuntimeOverride.get()) {
                givenTempFuncBytes.set(null);
            }
        });
        prefillIsRuntimeOverride.addListener((obs, old, runtime) -> prefillChunk.set(runtime || model.get() == null
                ? AUTO : model.get().compile().prefillChunkSize()));

        result.bind(Bindings.createObjectBinding(this::compute, model, quantization, device, customDeviceBytes,
                customBackend, gpuMemoryUtilization, tensorParallelShards, rules, mode, batchSize, contextLength,
                kvCapacity, prefillChunk, prefillIsRuntimeOverride, givenParamsBytes, givenTempFuncBytes, modelLocation,
                additionalModels, builtOn, Language.localeProperty())); // the language: an error is worded again
        model.addListener((o, was, now) -> builtOn.set(null)); // an imported log's date was that model's
    }

    /**
     * Shows a complete scenario (from the command line or a saved file): the model as it came (its defaults),
     * the compile-time values actually used, measured byte counts, device, engine settings and rules.
     * All or nothing: when any part fails, every input is put back as it was and the exception is rethrown.
     */
    public void apply(ScenarioDocument document) {
        ScenarioSnapshot before = ScenarioSnapshot.of(this);
        try {
            applyAll(document);
        } catch (RuntimeException e) {
            before.restore(this);
            throw e;
        }
    }

    private void applyAll(ScenarioDocument document) {
        ScenarioSpec spec = document.spec();
        CompileConfig used = spec.model().compile();
        CompileConfig defaults = document.modelDefaults();
        ModelDescription description = spec.model().withCompile(new CompileConfig(used.contextWindowSize(),
                defaults.prefillChunkSize(), used.maxBatchSize(), defaults.tensorParallelShards(),
                used.pipelineParallelStages(), used.slidingWindowSize()));
        ModelDescription known = models.stream().filter(m -> m.equals(description)).findFirst().orElse(null);
        if (known == null) {
            models.add(description);
            known = description;
        }
        model.set(known);
        quantization.set(spec.quantization());
        tensorParallelShards.set(used.tensorParallelShards());
        Device target = spec.device();
        DeviceOption preset = devices.stream().filter(d -> !d.custom() && d.name().equals(target.name())
                && d.bytes() == target.totalGlobalMemoryBytes() && d.backend() == target.backend()).findFirst()
                .orElse(null);
        if (preset != null) {
            device.set(preset);
        } else {
            customDeviceBytes.set(target.totalGlobalMemoryBytes());
            customBackend.set(target.backend());
            device.set(devices.get(devices.size() - 1));
        }
        EngineSettings engine = spec.engine();
        gpuMemoryUtilization.set(engine.gpuMemoryUtilization().orElse(DEFAULT_UTILIZATION));
        rules.set(spec.rules());
        mode.set(engine.mode());
        EngineOverrides o = engine.overrides();
        batchSize.set((int) o.maxNumSequence().orElse(AUTO));
        contextLength.set((int) o.maxSingleSequenceLength().orElse(AUTO));
        kvCapacity.set((int) o.maxTotalSequenceLength().orElse(AUTO));
        prefillIsRuntimeOverride.set(o.prefillChunkSize().isPresent());
        prefillChunk.set((int) o.prefillChunkSize().orElse(used.prefillChunkSize()));
        givenParamsBytes.set(spec.paramsBytes().orElse(null));
        givenTempFuncBytes.set(spec.tempFuncBytes().orElse(null));
        modelLocation.set(document.modelLocation().orElse(null));
        additionalModels.setAll(document.additionalModels());
    }

    /** The current choices as a scenario (throws IllegalArgumentException when they are inconsistent). */
    public ScenarioSpec spec() {
        ModelDescription description = model.get();
        CompileConfig compile = description.compile().withTensorParallelShards(tensorParallelShards.get());
        if (!prefillIsRuntimeOverride.get() && prefillChunk.get() > 0) {
            compile = compile.withPrefillChunkSize(prefillChunk.get());
        }
        EngineOverrides overrides = new EngineOverrides(
                optional(batchSize.get()), optional(kvCapacity.get()), optional(contextLength.get()),
                prefillIsRuntimeOverride.get() ? optional(prefillChunk.get()) : OptionalLong.empty());
        double util = gpuMemoryUtilization.get();
        OptionalDouble utilization = Math.abs(util - DEFAULT_UTILIZATION) < 1e-9 ? OptionalDouble.empty() : OptionalDouble.of(util);
        return new ScenarioSpec(description.withCompile(compile), quantization.get(),
                Optional.ofNullable(givenParamsBytes.get()), Optional.ofNullable(givenTempFuncBytes.get()),
                currentDevice(), new EngineSettings(mode.get(), utilization, overrides), rules.get());
    }

    /** The current choices as a document to save. */
    public ScenarioDocument document() {
        return new ScenarioDocument(spec(), model.get().compile(), Optional.ofNullable(modelLocation()),
                List.copyOf(additionalModels));
    }

    /** The mlc_llm commands for the current choices. */
    public MlcCommands commands() {
        return MlcCommands.of(spec(), model.get().compile(), Optional.ofNullable(modelLocation()),
                additionalModels.stream().map(AdditionalModel::serveArgument).toList());
    }

    /** Where the compiled model lives: the imported config's folder, or mlc-ai's Hugging Face repo for presets. */
    public String modelLocation() {
        if (modelLocation.get() != null) {
            return modelLocation.get();
        }
        ModelDescription d = model.get();
        return d.source().startsWith("geometry: https://huggingface.co")
                ? "HF://mlc-ai/" + d.name() + "-" + quantization.get().name() + "-MLC" : null;
    }

    // ------------------------------------------------------------------ additional models (rules §3.8)

    /**
     * Reads an additional model off the FX thread: an {@code mlc-chat-config.json}, or an MLC model folder whose
     * tensor cache gives the parameter bytes. The future fails with a one-line message naming the file when it is
     * neither, names no scheme, or cannot be built; the caller adds the model on the FX thread
     * ({@link #addAdditionalModel}).
     */
    public CompletableFuture<AdditionalModel> readAdditionalModel(FileCommands files, Path path) {
        PlannerTarget target = currentDevice().backend().plannerTarget();
        return files.read(path, Map.of()).thenApply(artifact -> {
            AdditionalModel added;
            if (artifact instanceof Artifact.ModelConfig c) {
                added = AdditionalModel.of(c.description(), Optional.empty());
            } else if (artifact instanceof Artifact.ModelFolder f) {
                added = AdditionalModel.of(f.description(), f.params());
            } else {
                throw new IllegalArgumentException(Messages.get("draft.notAdditional", artifact.source()));
            }
            added.library(target); // fails now, naming the file, rather than later in the estimate
            Path folder = artifact instanceof Artifact.ModelFolder || path.getParent() == null ? path : path.getParent();
            return added.at(folder.toString()); // serve takes the folder that holds mlc-chat-config.json
        });
    }

    // ------------------------------------------------------------------ outputs

    /** The estimate of the current inputs, or the reason there is none. */
    public ReadOnlyObjectProperty<EstimateResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public EstimateResult result() {
        return result.get();
    }

    /** The chart model, or null when the inputs are invalid. */
    public ObservableValue<ChartModel> chartProperty() {
        return result.getReadOnlyProperty().map(r -> r.chart().orElse(null));
    }

    /** The lines MLC prints for this scenario at engine start, then the compile report's, as text. */
    public ObservableValue<String> logTextProperty() {
        return result.getReadOnlyProperty().map(r -> r.error().orElseGet(() ->
                String.join("\n", r.runtimeLines()) + "\n\n" + String.join("\n", r.compileLines())));
    }

    /** The compile-time values of the current model (limits for the sliders). */
    public ObservableValue<CompileConfig> compileConfigProperty() {
        return model.map(ModelDescription::compile).orElse(CompileConfig.defaultsFor(8192));
    }

    // ------------------------------------------------------------------ the computation

    private EstimateResult compute() {
        if (model.get() == null || quantization.get() == null || device.get() == null || rules.get() == null
                || mode.get() == null) {
            return EstimateResult.failed(Messages.get("viewmodel.needsChoices"));
        }
        try {
            Scenario scenario = scenario();
            Estimate estimate = Estimator.estimate(scenario);
            return EstimateResult.of(scenario, estimate, CompileReport.of(scenario.model(),
                    RuleSetEras.compileReport(scenario.rules()), builtOn()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            // a model check says itself in the window's language (a phrase); the estimate is redone on a switch
            return EstimateResult.failed(e instanceof ArithmeticException
                    ? Messages.get("viewmodel.tooLarge") : Phrases.message(Language.locale(), e));
        }
    }

    /** The scenario the inputs describe (throws IllegalArgumentException when they are inconsistent). */
    public Scenario scenario() {
        return scenarioOn(spec().device());
    }

    /** The scenario with another device, the libraries built for its backend as if it were chosen (reverse solve). */
    public Scenario scenarioOn(Device device) {
        ScenarioSpec spec = spec();
        ModelLibrary library = libraries.get(spec.model(), spec.quantization(), spec.model().compile(),
                givenParamsBytes.get(), givenTempFuncBytes.get(), device.backend().plannerTarget())
                .builtOn(builtOn());
        Scenario single = new Scenario(library, device, spec.engine(), spec.rules());
        return additionalModels.isEmpty() ? single : single.withAdditionalModels(libraries.additional(additionalModels, library.target()));
    }

    private Device currentDevice() {
        DeviceOption option = device.get();
        return option.custom()
                ? new Device("Custom", customBackend.get(), Math.max(1, customDeviceBytes.get()))
                : new Device(option.name(), option.backend(), option.bytes());
    }

    private void onModelChanged(ModelDescription now) {
        if (now == null) {
            return;
        }
        givenParamsBytes.set(null);
        givenTempFuncBytes.set(null);
        modelLocation.set(null);
        if (!prefillIsRuntimeOverride.get()) {
            prefillChunk.set(now.compile().prefillChunkSize());
        }
        now.quantization().ifPresent(quantization::set);
    }

    private static OptionalLong optional(int value) {
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
