package dev.kvlens.ui.scenario;

import dev.kvlens.ui.chart.ChartModel;
import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.model.AdditionalModel;
import dev.kvlens.model.Artifact;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.CompileConfig;
import dev.kvlens.model.CompileReport;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.EngineOverrides;
import dev.kvlens.model.EngineSettings;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.Estimator;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.ModelLibrary;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.RuleSetEras;
import dev.kvlens.model.MlcCommands;
import dev.kvlens.model.Scenario;
import dev.kvlens.model.ScenarioDocument;
import dev.kvlens.model.ScenarioSpec;
import dev.kvlens.text.Language;
import dev.kvlens.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.IdentityHashMap;
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
public final class EstimatorViewModel {

    /** Slider value meaning "let MLC decide" (no override). */
    public static final int AUTO = 0;
    /** MLC's default gpu_memory_utilization; the app treats this value as "not specified". */
    public static final double DEFAULT_UTILIZATION = 0.85;

    private final ObservableList<ModelDescription> models = FXCollections.observableArrayList();
    private final ObservableList<Quantization> quantizations = FXCollections.observableArrayList(Quantization.ALL);
    private final ObservableList<DeviceOption> devices = FXCollections.observableArrayList();
    private final ObservableList<RuleSet> ruleSets = FXCollections.observableArrayList(RuleSet.ALL);

    private final ObjectProperty<ModelDescription> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Quantization> quantization = new SimpleObjectProperty<>(this, "quantization");
    private final ObjectProperty<DeviceOption> device = new SimpleObjectProperty<>(this, "device");
    private final LongProperty customDeviceBytes = new SimpleLongProperty(this, "customDeviceBytes", 24L << 30);
    private final ObjectProperty<Backend> customBackend = new SimpleObjectProperty<>(this, "customBackend", Backend.CUDA);
    private final DoubleProperty gpuMemoryUtilization =
            new SimpleDoubleProperty(this, "gpuMemoryUtilization", DEFAULT_UTILIZATION);
    private final UtilizationInput utilizationInput = new UtilizationInput(gpuMemoryUtilization);
    private final IntegerProperty tensorParallelShards = new SimpleIntegerProperty(this, "tensorParallelShards", 1);
    private final ObjectProperty<RuleSet> rules = new SimpleObjectProperty<>(this, "rules", RuleSet.D2025);
    private final ObjectProperty<EngineMode> mode = new SimpleObjectProperty<>(this, "mode", EngineMode.LOCAL);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", AUTO);
    private final IntegerProperty contextLength = new SimpleIntegerProperty(this, "contextLength", AUTO);
    private final IntegerProperty kvCapacity = new SimpleIntegerProperty(this, "kvCapacity", AUTO);
    private final IntegerProperty prefillChunk = new SimpleIntegerProperty(this, "prefillChunk", AUTO);
    private final BooleanProperty prefillIsRuntimeOverride = new SimpleBooleanProperty(this, "prefillIsRuntimeOverride");

    private final ObjectProperty<String> modelLocation = new SimpleObjectProperty<>(this, "modelLocation");
    private final ObjectProperty<ByteFigure> givenParamsBytes = new SimpleObjectProperty<>(this, "givenParamsBytes");
    private final ObjectProperty<ByteFigure> givenTempFuncBytes = new SimpleObjectProperty<>(this, "givenTempFuncBytes");
    private final ObjectProperty<java.time.LocalDate> builtOn = new SimpleObjectProperty<>(this, "builtOn");

    private final ObservableList<AdditionalModel> additionalModels = FXCollections.observableArrayList();
    private final Map<AdditionalModel, ModelLibrary> additionalLibraries = new IdentityHashMap<>();

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

    /** Sets where the compiled model lives (null = unknown). */
    public ObjectProperty<String> modelLocationProperty() {
        return modelLocation;
    }

    /** Measured parameter bytes (null = computed from the layout). */
    public ObjectProperty<ByteFigure> givenParamsBytesProperty() {
        return givenParamsBytes;
    }

    /** Measured max per-function temporary bytes (null = the §4.2 heuristic). */
    public ObjectProperty<ByteFigure> givenTempFuncBytesProperty() {
        return givenTempFuncBytes;
    }

    /**
     * The date of the mlc-llm build the library comes from, as an imported log tells it; null = the rule set's own
     * era ({@link RuleSetEras#builtOn}). Computed parameters and the compile report's legacy KV follow it (§1.3).
     */
    public ObjectProperty<java.time.LocalDate> builtOnProperty() {
        return builtOn;
    }

    /** The build date in effect: the imported one, else the rule set's. */
    public java.time.LocalDate builtOn() {
        return builtOn.get() != null ? builtOn.get() : RuleSetEras.builtOn(rules.get());
    }

    // ------------------------------------------------------------------ additional models (rules §3.8)

    /** MLC's additional models (draft models, Eagle or Medusa heads), in order; each is summed into the estimate. */
    public ObservableList<AdditionalModel> additionalModels() {
        return additionalModels;
    }

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

    /** Adds an additional model after the others. */
    public void addAdditionalModel(AdditionalModel added) {
        additionalModels.add(Objects.requireNonNull(added));
    }

    /** Removes the additional model at {@code index}. */
    public void removeAdditionalModel(int index) {
        additionalModels.remove(index);
    }

    // ------------------------------------------------------------------ choices

    public ObservableList<ModelDescription> models() {
        return models;
    }

    public ObservableList<Quantization> quantizations() {
        return quantizations;
    }

    public ObservableList<DeviceOption> devices() {
        return devices;
    }

    public ObservableList<RuleSet> ruleSets() {
        return ruleSets;
    }

    // ------------------------------------------------------------------ inputs

    /** The model (preset or imported). */
    public ObjectProperty<ModelDescription> modelProperty() {
        return model;
    }

    /** The quantization scheme the library is compiled with. */
    public ObjectProperty<Quantization> quantizationProperty() {
        return quantization;
    }

    /** The device preset, or the custom entry. */
    public ObjectProperty<DeviceOption> deviceProperty() {
        return device;
    }

    /** The custom device's memory in bytes (used when the custom entry is picked). */
    public LongProperty customDeviceBytesProperty() {
        return customDeviceBytes;
    }

    /** The custom device's backend. */
    public ObjectProperty<Backend> customBackendProperty() {
        return customBackend;
    }

    /** gpu_memory_utilization; 0.85 means MLC's default. */
    public DoubleProperty gpuMemoryUtilizationProperty() {
        return gpuMemoryUtilization;
    }

    /** The utilization field: its text, commit and validation message. */
    public UtilizationInput utilizationInput() {
        return utilizationInput;
    }

    /** Compile-time tensor_parallel_shards. */
    public IntegerProperty tensorParallelShardsProperty() {
        return tensorParallelShards;
    }

    /** The MLC-LLM rule set (era). */
    public ObjectProperty<RuleSet> rulesProperty() {
        return rules;
    }

    /** The engine mode MLC runs in. */
    public ObjectProperty<EngineMode> modeProperty() {
        return mode;
    }

    /** Runtime max_num_sequence override; {@link #AUTO} = each mode's own default. */
    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** Runtime max_single_sequence_length ({@code --overrides context_window_size=}); {@link #AUTO} = the model's. */
    public IntegerProperty contextLengthProperty() {
        return contextLength;
    }

    /** Runtime max_total_seq_length (KV capacity); {@link #AUTO} = MLC's choice. */
    public IntegerProperty kvCapacityProperty() {
        return kvCapacity;
    }

    /**
     * The prefill chunk: the compile-time prefill_chunk_size by default, the runtime override when
     * {@link #prefillIsRuntimeOverrideProperty()} is set ({@link #AUTO} then means no override).
     */
    public IntegerProperty prefillChunkProperty() {
        return prefillChunk;
    }

    /** Whether the prefill slider sets the runtime override (which MLC's memory estimate ignores). */
    public BooleanProperty prefillIsRuntimeOverrideProperty() {
        return prefillIsRuntimeOverride;
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
            return EstimateResult.failed(dev.kvlens.model.UserText.oneLine(e instanceof ArithmeticException
                    ? Messages.get("viewmodel.tooLarge") : e.getMessage()));
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
        return additionalModels.isEmpty() ? single : single.withAdditionalModels(additionalLibraries(library.target()));
    }

    /** Each additional model's library for {@code target}, built once per model and target. */
    private List<ModelLibrary> additionalLibraries(PlannerTarget target) {
        additionalLibraries.keySet().retainAll(additionalModels.stream()
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.Collections.newSetFromMap(
                        new IdentityHashMap<AdditionalModel, Boolean>()))));
        return additionalModels.stream().map(m -> {
            ModelLibrary known = additionalLibraries.get(m);
            if (known == null || known.target() != target) {
                known = m.library(target);
                additionalLibraries.put(m, known);
            }
            return known;
        }).toList();
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

    /**
     * Remembers the last library built: slider drags that only change runtime overrides reuse it, so the
     * parameter layout is not summed again on every step.
     */
    private static final class LibraryCache {
        private ModelDescription description;
        private Quantization scheme;
        private CompileConfig compile;
        private ByteFigure givenParams;
        private ByteFigure givenTemp;
        private PlannerTarget target;
        private ModelLibrary library;

        ModelLibrary get(ModelDescription d, Quantization q, CompileConfig c, ByteFigure params, ByteFigure temp,
                         PlannerTarget t) {
            if (library == null || d != description || q != scheme || !c.equals(compile)
                    || params != givenParams || temp != givenTemp || t != target) {
                boolean sameLayout = library != null && d == description && q == scheme
                        && c.tensorParallelShards() == compile.tensorParallelShards();
                ByteFigure reuse = params != null ? params : sameLayout && givenParams == null ? library.paramsBytes() : null;
                library = ModelLibrary.build(d, q, c, reuse, temp, t);
                target = t;
                description = d;
                scheme = q;
                compile = c;
                givenParams = params;
                givenTemp = temp;
            }
            return library;
        }
    }
}
