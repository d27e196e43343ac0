package dev.kvlens.ui.scenario;

import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.RuleSetEras;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The estimator's inputs: what the pickers choose from and the writable properties the pickers, sliders and fields
 * set (MLC's names: max_num_sequence, max_single_sequence_length, max_total_seq_length, prefill_chunk_size, rules
 * §3.5), with the measured figures of an imported library. {@link EstimatorViewModel} derives the estimate from them.
 */
public abstract class ScenarioInputs {

    /** Slider value meaning "let MLC decide" (no override). */
    public static final int AUTO = 0;
    /** MLC's default gpu_memory_utilization; the app treats this value as "not specified". */
    public static final double DEFAULT_UTILIZATION = 0.85;

    final ObservableList<ModelDescription> models = FXCollections.observableArrayList();
    final ObservableList<Quantization> quantizations = FXCollections.observableArrayList(Quantization.ALL);
    final ObservableList<DeviceOption> devices = FXCollections.observableArrayList();
    final ObservableList<RuleSet> ruleSets = FXCollections.observableArrayList(RuleSet.ALL);

    final ObjectProperty<ModelDescription> model = new SimpleObjectProperty<>(this, "model");
    final ObjectProperty<Quantization> quantization = new SimpleObjectProperty<>(this, "quantization");
    final ObjectProperty<DeviceOption> device = new SimpleObjectProperty<>(this, "device");
    final LongProperty customDeviceBytes = new SimpleLongProperty(this, "customDeviceBytes", 24L << 30);
    final ObjectProperty<Backend> customBackend = new SimpleObjectProperty<>(this, "customBackend", Backend.CUDA);
    final DoubleProperty gpuMemoryUtilization =
            new SimpleDoubleProperty(this, "gpuMemoryUtilization", DEFAULT_UTILIZATION);
    final UtilizationInput utilizationInput = new UtilizationInput(gpuMemoryUtilization);
    final IntegerProperty tensorParallelShards = new SimpleIntegerProperty(this, "tensorParallelShards", 1);
    final ObjectProperty<RuleSet> rules = new SimpleObjectProperty<>(this, "rules", RuleSet.D2025);
    final ObjectProperty<EngineMode> mode = new SimpleObjectProperty<>(this, "mode", EngineMode.LOCAL);
    final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", AUTO);
    final IntegerProperty contextLength = new SimpleIntegerProperty(this, "contextLength", AUTO);
    final IntegerProperty kvCapacity = new SimpleIntegerProperty(this, "kvCapacity", AUTO);
    final IntegerProperty prefillChunk = new SimpleIntegerProperty(this, "prefillChunk", AUTO);
    final BooleanProperty prefillIsRuntimeOverride = new SimpleBooleanProperty(this, "prefillIsRuntimeOverride");

    final ObjectProperty<String> modelLocation = new SimpleObjectProperty<>(this, "modelLocation");
    final ObjectProperty<ByteFigure> givenParamsBytes = new SimpleObjectProperty<>(this, "givenParamsBytes");
    final ObjectProperty<ByteFigure> givenTempFuncBytes = new SimpleObjectProperty<>(this, "givenTempFuncBytes");
    final ObjectProperty<java.time.LocalDate> builtOn = new SimpleObjectProperty<>(this, "builtOn");

    final ObservableList<AdditionalModel> additionalModels = FXCollections.observableArrayList();
    /** The built-in models, which cannot be removed (set once by the constructor). */
    final java.util.List<ModelDescription> presets = new java.util.ArrayList<>();

    ScenarioInputs() {
    }

    // ------------------------------------------------------------------ measured figures, where the model lives

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

    /** Adds an additional model after the others. */
    public void addAdditionalModel(AdditionalModel added) {
        additionalModels.add(java.util.Objects.requireNonNull(added));
    }

    /** Removes the additional model at {@code index}. */
    public void removeAdditionalModel(int index) {
        additionalModels.remove(index);
    }

    /** MLC's additional models (draft models, Eagle or Medusa heads), in order; each is summed into the estimate. */
    public ObservableList<AdditionalModel> additionalModels() {
        return additionalModels;
    }

    // ------------------------------------------------------------------ choices

    public ObservableList<ModelDescription> models() {
        return models;
    }

    /**
     * Adds an imported model to the list unless it is there already — the same name and the same model, wherever the
     * file came from — and returns the entry to show (the one already listed, or {@code model}).
     */
    public ModelDescription addImported(ModelDescription model) {
        for (ModelDescription m : models) {
            if (m.equals(model) || (m.name().equals(model.name()) && m.geometry().equals(model.geometry())
                    && m.quantization().equals(model.quantization()) && m.compile().equals(model.compile())
                    && m.chatConfig().equals(model.chatConfig()))) {
                return m;
            }
        }
        models.add(model);
        return model;
    }

    /** Whether {@code model} was imported (a file, a folder, this machine) rather than one of the presets. */
    public boolean isImported(ModelDescription model) {
        return model != null && models.contains(model) && !presets.contains(model);
    }

    /**
     * Removes an imported model from the list (presets stay); when it is the one shown, the window goes back to the
     * first preset with that preset's own settings.
     */
    public void removeImported(ModelDescription model) {
        if (!isImported(model)) {
            return;
        }
        if (model.equals(this.model.get())) {
            this.model.set(presets.get(0));
        }
        models.remove(model);
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
}
