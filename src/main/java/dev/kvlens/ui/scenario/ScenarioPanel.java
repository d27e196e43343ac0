package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.shell.FileDialogs;
import dev.kvlens.model.Backend;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.UtilizationRange;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The left panel: what runs where (model, scheme, device, utilization, shards, rules, mode) and the knobs. */
public final class ScenarioPanel extends VBox {

    private static final List<Integer> BATCH_STOPS =
            List.of(0, 1, 2, 4, 8, 16, 24, 32, 48, 64, 80, 96, 128, 192, 256, 384, 512, 768, 1024);
    private static final List<Integer> CAPACITY_STOPS = List.of(0, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
            131072, 262144, 524288, 1048576, 2097152);
    private static final List<Integer> PREFILL_STOPS = List.of(16, 32, 64, 128, 256, 512, 1024, 2048, 3072, 4096,
            6144, 8192, 12288, 16384, 32768);
    private static final List<Integer> CONTEXT_STOPS = List.of(512, 1024, 2048, 3072, 4096, 6144, 8192, 12288,
            16384, 24576, 32768, 49152, 65536, 98304, 131072, 262144, 524288, 1048576);

    private final EstimatorViewModel vm;
    private final SearchableComboBox<ModelDescription> modelPicker = new SearchableComboBox<>();
    private final ComboBox<Quantization> quantizationPicker = new ComboBox<>();
    private final ComboBox<DeviceOption> devicePicker = new ComboBox<>();
    private final TextField memoryField = new TextField();
    private final ComboBox<Backend> backendPicker = new ComboBox<>(FXCollections.observableArrayList(Backend.values()));
    private final Slider utilizationSlider = new Slider(UtilizationRange.MIN, UtilizationRange.MAX,
            EstimatorViewModel.DEFAULT_UTILIZATION);
    private final TextField utilizationField = new TextField();
    private final ComboBox<Integer> tpPicker = new ComboBox<>(FXCollections.observableArrayList(1, 2, 4, 8));
    /** Held here: bidirectional bindings are weak, an unreferenced asObject() view would be collected. */
    private final javafx.beans.property.ObjectProperty<Integer> tpValue;
    private final ComboBox<RuleSet> rulesPicker = new ComboBox<>();
    private final ToggleGroup modes = new ToggleGroup();
    private final CheckBox prefillRuntime = new CheckBox();
    private final Label prefillIgnored = new Label();

    private final dev.kvlens.ui.explore.solve.SolveViewModel exploration;
    private final javafx.scene.control.Labeled status;

    public ScenarioPanel(EstimatorViewModel viewModel, dev.kvlens.ui.explore.solve.SolveViewModel exploration,
                         javafx.scene.control.Labeled status) {
        this(viewModel, exploration, status, null, null);
    }

    /** With the "Draft models" row (rules §3.8) when {@code files} and {@code dialogs} are given. */
    public ScenarioPanel(EstimatorViewModel viewModel, dev.kvlens.ui.explore.solve.SolveViewModel exploration,
                         javafx.scene.control.Labeled status, dev.kvlens.ui.common.FileCommands files,
                         FileDialogs dialogs) {
        this.vm = viewModel;
        this.exploration = exploration;
        this.status = status;
        this.tpValue = viewModel.tensorParallelShardsProperty().asObject();
        getStyleClass().add(Styles.SCENARIO_PANEL);
        setSpacing(10);
        setPadding(new Insets(12));
        getChildren().addAll(sectionTitle("scenario.title"), scenarioGrid(), modeRow());
        if (files != null && dialogs != null) {
            getChildren().add(new DraftModelsRow(viewModel, files, dialogs, status));
        }
        getChildren().addAll(new Separator(),
                sectionTitle("knobs.title"), knobs(), sectionTitle("solve.title"), solveButtons());
    }

    private static Label sectionTitle(String key) {
        Label label = new Label();
        label.getStyleClass().add(Styles.SECTION_TITLE);
        label.textProperty().bind(I18n.bind(key));
        return label;
    }

    private GridPane scenarioGrid() {
        modelPicker.setId("modelPicker");
        modelPicker.setItems(vm.models());
        modelPicker.setConverter(converter(ModelDescription::name));
        // One-way each way: the searchable combo sets its value to null while the user filters, and the
        // scenario must keep its model then.
        vm.modelProperty().subscribe(modelPicker::setValue);
        modelPicker.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.modelProperty().set(now);
            }
        });
        modelPicker.promptTextProperty().bind(I18n.bind("scenario.model.prompt"));
        modelPicker.setMaxWidth(Double.MAX_VALUE);

        quantizationPicker.setId("quantizationPicker");
        quantizationPicker.setItems(vm.quantizations());
        quantizationPicker.setConverter(converter(Quantization::name));
        quantizationPicker.valueProperty().bindBidirectional(vm.quantizationProperty());
        quantizationPicker.setMaxWidth(Double.MAX_VALUE);

        devicePicker.setId("devicePicker");
        devicePicker.setItems(vm.devices());
        devicePicker.valueProperty().bindBidirectional(vm.deviceProperty());
        devicePicker.setMaxWidth(Double.MAX_VALUE);
        Tooltip deviceTip = new Tooltip();
        devicePicker.setTooltip(deviceTip);
        I18n.localeProperty().subscribe(l -> {
            devicePicker.setConverter(converter(ScenarioPanel::deviceLabel));
            deviceTip.setText(deviceTip(vm.deviceProperty().get()));
        });
        vm.deviceProperty().subscribe(d -> deviceTip.setText(deviceTip(d)));

        memoryField.setId("deviceMemoryField");
        memoryField.setPrefColumnCount(7);
        backendPicker.setId("backendPicker");
        backendPicker.setConverter(converter(Backend::cliName));
        backendPicker.valueProperty().bindBidirectional(vm.customBackendProperty());
        ObservableValue<Boolean> custom = vm.deviceProperty().map(DeviceOption::custom);
        // always editable: a size typed for a preset makes it a custom device (commitMemory)
        backendPicker.disableProperty().bind(custom.map(c -> !c));
        vm.deviceProperty().subscribe(this::showDeviceMemory);
        vm.customDeviceBytesProperty().subscribe(b -> showDeviceMemory(vm.deviceProperty().get()));
        memoryField.setOnAction(e -> commitMemory());
        memoryField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitMemory();
            }
        });
        HBox memoryRow = new HBox(8, memoryField, backendPicker);

        utilizationSlider.setId("utilizationSlider");
        utilizationSlider.setBlockIncrement(UtilizationRange.STEP);
        utilizationSlider.setMajorTickUnit(UtilizationRange.STEP);
        utilizationSlider.setMinorTickCount(0);
        utilizationSlider.setSnapToTicks(true);
        bindUtilization();
        HBox.setHgrow(utilizationSlider, Priority.ALWAYS);
        HBox utilizationRow = new HBox(8, utilizationSlider, utilizationField);

        tpPicker.setId("tpPicker");
        tpPicker.valueProperty().bindBidirectional(tpValue);

        rulesPicker.setId("rulesPicker");
        rulesPicker.setItems(vm.ruleSets());
        rulesPicker.valueProperty().bindBidirectional(vm.rulesProperty());
        I18n.localeProperty().subscribe(l -> rulesPicker.setConverter(converter(r -> I18n.get("rules." + r.id()))));
        rulesPicker.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        addRow(grid, 0, "scenario.model", modelPicker, null);
        addRow(grid, 1, "scenario.quantization", quantizationPicker, null);
        addRow(grid, 2, "scenario.device", devicePicker, null);
        addRow(grid, 3, "scenario.deviceMemory", memoryRow, "scenario.deviceMemory.tooltip");
        addRow(grid, 4, "scenario.utilization", utilizationRow, "scenario.utilization.tooltip");
        addRow(grid, 5, "scenario.tp", tpPicker, "scenario.tp.tooltip");
        addRow(grid, 6, "scenario.rules", rulesPicker, "scenario.rules.tooltip");
        return grid;
    }

    private static void addRow(GridPane grid, int row, String key, javafx.scene.Node field, String tooltipKey) {
        Label label = new Label();
        label.getStyleClass().add(Styles.FORM_LABEL);
        label.textProperty().bind(I18n.bind(key));
        label.setLabelFor(field);
        if (tooltipKey != null) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(I18n.bind(tooltipKey));
            tip.setWrapText(true);
            tip.setMaxWidth(400);
            label.setTooltip(tip);
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    private VBox modeRow() {
        Label label = new Label();
        label.getStyleClass().add(Styles.FORM_LABEL);
        label.textProperty().bind(I18n.bind("scenario.mode"));
        HBox buttons = new HBox(0);
        buttons.getStyleClass().add("mode-buttons");
        for (EngineMode mode : EngineMode.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("mode" + mode.name().charAt(0) + mode.name().substring(1).toLowerCase(Locale.ROOT));
            button.textProperty().bind(I18n.bind("mode." + mode.mlcName()));
            button.setUserData(mode);
            button.setToggleGroup(modes);
            button.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(button, Priority.ALWAYS);
            buttons.getChildren().add(button);
        }
        vm.modeProperty().subscribe(mode -> modes.getToggles().stream()
                .filter(t -> t.getUserData() == mode).findFirst().ifPresent(t -> t.setSelected(true)));
        modes.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a mode is always selected
            } else {
                vm.modeProperty().set((EngineMode) now.getUserData());
            }
        });
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.bind("scenario.mode.tooltip"));
        label.setTooltip(tip);
        return new VBox(4, label, buttons);
    }

    private VBox knobs() {
        ObservableValue<String> runtime = Bindings.createStringBinding(() -> "badge.runtime");
        KnobControl batch = new KnobControl("batch", "knob.batch", vm.batchSizeProperty(),
                Bindings.createObjectBinding(() -> BATCH_STOPS), runtime);
        KnobControl context = new KnobControl("context", "knob.context", vm.contextLengthProperty(),
                vm.compileConfigProperty().map(c -> contextStops(c.contextWindowSize())), runtime);
        KnobControl capacity = new KnobControl("capacity", "knob.capacity", vm.kvCapacityProperty(),
                Bindings.createObjectBinding(() -> CAPACITY_STOPS), runtime);
        ObservableValue<List<Integer>> prefillStops = vm.prefillIsRuntimeOverrideProperty()
                .map(r -> r ? withAuto(PREFILL_STOPS) : PREFILL_STOPS);
        KnobControl prefill = new KnobControl("prefill", "knob.prefill", vm.prefillChunkProperty(), prefillStops,
                vm.prefillIsRuntimeOverrideProperty().map(r -> r ? "badge.runtime" : "badge.recompile"));
        prefillRuntime.setId("prefillRuntimeToggle");
        prefillRuntime.textProperty().bind(I18n.bind("knob.prefill.runtime"));
        prefillRuntime.selectedProperty().bindBidirectional(vm.prefillIsRuntimeOverrideProperty());
        prefillIgnored.setId("prefillIgnoredNote");
        prefillIgnored.getStyleClass().add(Styles.NOTE);
        prefillIgnored.setWrapText(true);
        prefillIgnored.textProperty().bind(I18n.bind("knob.prefill.ignored"));
        prefillIgnored.visibleProperty().bind(vm.prefillIsRuntimeOverrideProperty());
        prefillIgnored.managedProperty().bind(vm.prefillIsRuntimeOverrideProperty());
        return new VBox(10, batch, context, capacity, new VBox(4, prefill, prefillRuntime, prefillIgnored));
    }

    private javafx.scene.layout.FlowPane solveButtons() {
        javafx.scene.control.Button context = solveButton("solveContextButton", "solve.maxContext", () ->
                report("knob.context", exploration.applyMaxContext()));
        javafx.scene.control.Button batch = solveButton("solveBatchButton", "solve.maxBatch", () ->
                report("knob.batch", exploration.applyMaxBatch()));
        javafx.scene.control.Button device = solveButton("solveDeviceButton", "solve.device", () ->
                status.setText(exploration.applySmallestDevice().map(d -> I18n.get("solve.done",
                        I18n.get("scenario.device"), d.name())).orElse(I18n.get("solve.none"))));
        javafx.scene.layout.FlowPane pane = new javafx.scene.layout.FlowPane(6, 6, context, batch, device);
        return pane;
    }

    private void report(String knobKey, java.util.OptionalInt value) {
        status.setText(value.isPresent() ? I18n.get("solve.done", I18n.get(knobKey), value.getAsInt())
                : I18n.get("solve.none"));
    }

    private static javafx.scene.control.Button solveButton(String id, String key, Runnable action) {
        javafx.scene.control.Button button = new javafx.scene.control.Button();
        button.setId(id);
        button.textProperty().bind(I18n.bind(key));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static List<Integer> contextStops(int contextWindow) {
        List<Integer> stops = new ArrayList<>();
        stops.add(0);
        int limit = contextWindow > 0 ? contextWindow : 1048576;
        for (int stop : CONTEXT_STOPS) {
            if (stop < limit) {
                stops.add(stop);
            }
        }
        stops.add(limit);
        return List.copyOf(stops);
    }

    private static List<Integer> withAuto(List<Integer> stops) {
        List<Integer> all = new ArrayList<>();
        all.add(0);
        all.addAll(stops);
        return List.copyOf(all);
    }

    private void showDeviceMemory(DeviceOption option) {
        if (option == null || memoryField.isFocused()) {
            return;
        }
        long bytes = option.custom() ? vm.customDeviceBytesProperty().get() : option.bytes();
        if (!option.custom()) {
            backendPicker.setValue(option.backend());
        }
        memoryField.setText(gibText(bytes));
        memoryField.getStyleClass().remove(Styles.FIELD_INVALID);
    }

    private static String gibText(long bytes) {
        return new BigDecimal(bytes).divide(BigDecimal.valueOf(1L << 30), 2, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
    }

    /** A size typed for a preset device makes it a custom device of the same backend: typing is choosing. */
    private void commitMemory() {
        DeviceOption current = vm.deviceProperty().get();
        if (!current.custom() && memoryField.getText().trim().equals(gibText(current.bytes()))) {
            return; // focus passed through without a change
        }
        try {
            BigDecimal gib = new BigDecimal(memoryField.getText().trim());
            if (gib.signum() <= 0 || gib.compareTo(BigDecimal.valueOf(1L << 20)) > 0) {
                throw new NumberFormatException("out of range");
            }
            long bytes = gib.multiply(BigDecimal.valueOf(1L << 30)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            if (!current.custom()) {
                vm.customBackendProperty().set(current.backend());
                vm.customDeviceBytesProperty().set(bytes);
                vm.devices().stream().filter(DeviceOption::custom).findFirst().ifPresent(vm.deviceProperty()::set);
            }
            vm.customDeviceBytesProperty().set(bytes);
            memoryField.getStyleClass().remove(Styles.FIELD_INVALID);
        } catch (NumberFormatException | ArithmeticException e) {
            if (!memoryField.getStyleClass().contains(Styles.FIELD_INVALID)) {
                memoryField.getStyleClass().add(Styles.FIELD_INVALID);
            }
        }
    }

    /**
     * The slider shows the view model's value and sets it when the user moves it; it never writes back a value it
     * clamped (a bidirectional binding did: typed 0.2 left the slider at its 0.30 minimum). The field's text,
     * validation and message are the view model's.
     */
    private void bindUtilization() {
        boolean[] syncing = {false};
        vm.gpuMemoryUtilizationProperty().subscribe(v -> {
            syncing[0] = true;
            utilizationSlider.setValue(v.doubleValue());
            syncing[0] = false;
        });
        utilizationSlider.valueProperty().addListener((o, old, now) -> {
            if (!syncing[0]) {
                vm.gpuMemoryUtilizationProperty().set(now.doubleValue());
            }
        });
        var input = vm.utilizationInput();
        utilizationField.setId("utilizationField");
        utilizationField.setPrefColumnCount(4);
        utilizationField.textProperty().bindBidirectional(input.textProperty());
        utilizationField.setOnAction(e -> input.commit());
        utilizationField.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                input.commit();
            }
        });
        input.invalidProperty().subscribe(bad -> {
            utilizationField.getStyleClass().remove(Styles.FIELD_INVALID);
            if (bad) {
                utilizationField.getStyleClass().add(Styles.FIELD_INVALID);
            }
        });
        Tooltip problem = new Tooltip();
        problem.textProperty().bind(input.errorProperty());
        input.invalidProperty().subscribe(bad -> utilizationField.setTooltip(bad ? problem : null));
    }

    private static String deviceLabel(DeviceOption d) {
        return d.custom() ? I18n.get("scenario.device.custom")
                : d.detected() ? I18n.get("scenario.device.detected", d.name()) : d.name();
    }

    /** Where the chosen device's figure comes from (rules §3.2): exact only when a public log printed those bytes. */
    private static String deviceTip(DeviceOption d) {
        if (d == null || d.custom() || d.provenance().isEmpty()) {
            return I18n.get("scenario.deviceMemory.tooltip");
        }
        return I18n.get(d.exact() ? "scenario.device.figure.exact" : "scenario.device.figure.approximate",
                d.provenance());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
