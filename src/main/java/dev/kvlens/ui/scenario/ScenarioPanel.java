package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.shell.FileDialogs;
import dev.kvlens.model.Backend;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.UtilizationRange;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SearchableComboBox;


/** The left panel: what runs where (model, scheme, device, utilization, shards, rules, mode) and the knobs. */
public final class ScenarioPanel extends VBox {

    private final EstimatorViewModel vm;
    private final ScenarioPanelViewModel texts;
    private final SearchableComboBox<ModelDescription> modelPicker = new SearchableComboBox<>();
    private final ComboBox<Quantization> quantizationPicker = new ComboBox<>();
    private final ComboBox<DeviceOption> devicePicker = new ComboBox<>();
    private final TextField memoryField = new TextField();
    private final ComboBox<Backend> backendPicker = new ComboBox<>(FXCollections.observableArrayList(Backend.values()));
    private final Slider utilizationSlider = new Slider(UtilizationRange.SLIDER_MIN, UtilizationRange.SLIDER_MAX,
            EstimatorViewModel.DEFAULT_UTILIZATION);
    private final TextField utilizationField = new TextField();
    private final ComboBox<Integer> tpPicker = new ComboBox<>(FXCollections.observableArrayList(1, 2, 4, 8));
    /** Held here: bidirectional bindings are weak, an unreferenced asObject() view would be collected. */
    private final javafx.beans.property.ObjectProperty<Integer> tpValue;
    private final ComboBox<RuleSet> rulesPicker = new ComboBox<>();


    /**
     * With the "Draft models" row (rules §3.8) when {@code files} and {@code dialogs} are given.
     *
     * @param solve the reverse-solve buttons, placed last (the shell composes them: they are another slice's view)
     */
    public ScenarioPanel(ScenarioPanelViewModel viewModel, java.util.function.Consumer<String> status,
                         dev.kvlens.ui.common.FileCommands files, FileDialogs dialogs, javafx.scene.Node solve) {
        this.texts = viewModel;
        this.vm = viewModel.estimator();
        this.tpValue = vm.tensorParallelShardsProperty().asObject();
        getStyleClass().add(Styles.SCENARIO_PANEL);
        setSpacing(10);
        setPadding(new Insets(12));
        getChildren().addAll(sectionTitle("scenario.title"), scenarioGrid(), new ModeButtons(viewModel));
        if (files != null && dialogs != null) {
            getChildren().add(new DraftModelsRow(viewModel.draftModels(), files, dialogs, status));
        }
        getChildren().addAll(new Separator(),
                sectionTitle("knobs.title"), new KnobsPanel(viewModel.knobs()), sectionTitle("solve.title"), solve);
    }

    private Label sectionTitle(String key) {
        Label label = new Label();
        label.getStyleClass().add(Styles.SECTION_TITLE);
        label.textProperty().bind(texts.text(key));
        return label;
    }

    private GridPane scenarioGrid() {
        modelPicker.setId("modelPicker");
        modelPicker.setItems(vm.models());
        modelPicker.setConverter(Pickers.converter(ModelDescription::name));
        // One-way each way: the searchable combo sets its value to null while the user filters, and the
        // scenario must keep its model then.
        vm.modelProperty().subscribe(modelPicker::setValue);
        modelPicker.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.modelProperty().set(now);
            }
        });
        modelPicker.promptTextProperty().bind(texts.text("scenario.model.prompt"));
        modelPicker.setMaxWidth(Double.MAX_VALUE);

        quantizationPicker.setId("quantizationPicker");
        quantizationPicker.setItems(vm.quantizations());
        quantizationPicker.setConverter(Pickers.converter(Quantization::name));
        quantizationPicker.valueProperty().bindBidirectional(vm.quantizationProperty());
        quantizationPicker.setMaxWidth(Double.MAX_VALUE);

        devicePicker.setId("devicePicker");
        devicePicker.setItems(vm.devices());
        devicePicker.valueProperty().bindBidirectional(vm.deviceProperty());
        devicePicker.setMaxWidth(Double.MAX_VALUE);
        Tooltip deviceTip = new Tooltip();
        devicePicker.setTooltip(deviceTip);
        Pickers.followLanguage(devicePicker, texts.deviceNames());
        deviceTip.textProperty().bind(texts.deviceTipProperty());

        memoryField.setId("deviceMemoryField");
        memoryField.setPrefColumnCount(7);
        backendPicker.setId("backendPicker");
        backendPicker.setConverter(Pickers.converter(Backend::cliName));
        backendPicker.valueProperty().bindBidirectional(vm.customBackendProperty());
        ObservableValue<Boolean> custom = vm.deviceProperty().map(DeviceOption::custom);
        // always editable: a size typed for a preset makes it a custom device (DeviceMemoryInput)
        backendPicker.disableProperty().bind(custom.map(c -> !c));
        // a preset's backend shows in the (disabled) picker; a custom device keeps the one chosen
        vm.deviceProperty().subscribe(d -> {
            if (d != null && !d.custom()) {
                backendPicker.setValue(d.backend());
            }
        });
        bindInput(memoryField, texts.deviceMemory());
        HBox memoryRow = new HBox(8, memoryField, backendPicker);

        utilizationSlider.setId("utilizationSlider");
        utilizationSlider.setBlockIncrement(UtilizationRange.STEP);
        utilizationSlider.setMajorTickUnit(UtilizationRange.STEP);
        utilizationSlider.setMinorTickCount(0);
        utilizationSlider.setSnapToTicks(true);
        bindUtilization();
        HBox.setHgrow(utilizationSlider, Priority.ALWAYS);
        HBox utilizationRow = new HBox(8, utilizationSlider, utilizationField);
        Label aboveDevice = new Label();
        aboveDevice.setId("utilizationWarning");
        aboveDevice.getStyleClass().add(Styles.NOTE);
        aboveDevice.setWrapText(true);
        aboveDevice.textProperty().bind(vm.utilizationInput().warningProperty());
        aboveDevice.visibleProperty().bind(aboveDevice.textProperty().isNotEmpty());
        aboveDevice.managedProperty().bind(aboveDevice.visibleProperty());

        tpPicker.setId("tpPicker");
        tpPicker.valueProperty().bindBidirectional(tpValue);

        rulesPicker.setId("rulesPicker");
        rulesPicker.setItems(vm.ruleSets());
        rulesPicker.valueProperty().bindBidirectional(vm.rulesProperty());
        Pickers.followLanguage(rulesPicker, texts.ruleNames());
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
        HBox modelRow = new HBox(4, modelPicker, ModelMenu.of(texts));
        HBox.setHgrow(modelPicker, Priority.ALWAYS);
        addRow(grid, 0, "scenario.model", modelRow, null);
        addRow(grid, 1, "scenario.quantization", quantizationPicker, null);
        addRow(grid, 2, "scenario.device", devicePicker, null);
        addRow(grid, 3, "scenario.deviceMemory", memoryRow, "scenario.deviceMemory.tooltip");
        addRow(grid, 4, "scenario.utilization", new VBox(2, utilizationRow, aboveDevice), "scenario.utilization.tooltip");
        addRow(grid, 5, "scenario.tp", tpPicker, "scenario.tp.tooltip");
        addRow(grid, 6, "scenario.rules", rulesPicker, "scenario.rules.tooltip");
        return grid;
    }

    private void addRow(GridPane grid, int row, String key, javafx.scene.Node field, String tooltipKey) {
        Label label = new Label();
        label.getStyleClass().add(Styles.FORM_LABEL);
        label.textProperty().bind(texts.text(key));
        label.setLabelFor(field);
        if (tooltipKey != null) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(texts.text(tooltipKey));
            tip.setWrapText(true);
            tip.setMaxWidth(400);
            label.setTooltip(tip);
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    /**
     * The slider shows the view model's value and sets it when the user moves it; it never writes back a value it
     * clamped (a bidirectional binding did: typed 0.2 left the slider at its 0.30 minimum), so a value typed beyond
     * its range (above 1, below 0.01) is kept while the slider rests at its end. The field's text,
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
        bindInput(utilizationField, input);
    }

    /**
     * A field whose text, validation and message are a view model's: it commits on Enter and when focus leaves; while
     * the text is refused the field is marked and its tooltip says why.
     */
    static void bindInput(TextField field, TypedField input) {
        field.textProperty().bindBidirectional(input.textProperty());
        field.setOnAction(e -> input.commit());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                input.commit();
            }
        });
        Tooltip normal = field.getTooltip();
        Tooltip problem = new Tooltip();
        problem.textProperty().bind(input.errorProperty());
        input.invalidProperty().subscribe(bad -> {
            field.getStyleClass().remove(Styles.FIELD_INVALID);
            if (bad) {
                field.getStyleClass().add(Styles.FIELD_INVALID);
            }
            field.setTooltip(bad ? problem : normal);
        });
    }
}
