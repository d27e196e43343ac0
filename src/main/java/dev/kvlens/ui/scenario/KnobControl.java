package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.Styles;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * One of the trade-off sliders: a title with a badge (runtime override / needs recompile), a slider that
 * snaps to common values (index 0 may be "Auto"), and a field that accepts any whole number. The slider
 * and field stay in sync with one integer property of the view model.
 */
public final class KnobControl extends VBox {

    private final KnobViewModel vm;
    private final IntegerProperty value;
    private final ObservableValue<List<Integer>> stops;
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Label title = new Label();
    private final Label badge = new Label();
    private boolean syncing;

    /** @param id base id: the slider gets {@code #<id>Slider}, the field {@code #<id>Field} */
    public KnobControl(String id, KnobViewModel viewModel) {
        this.vm = viewModel;
        this.value = viewModel.valueProperty();
        this.stops = viewModel.stopsProperty();
        initializeParts(id);
        layoutParts();
        bindToViewModel();
    }

    private void initializeParts(String id) {
        getStyleClass().add(Styles.KNOB);
        setId(id + "Knob");
        slider.setId(id + "Slider");
        field.setId(id + "Field");
        title.getStyleClass().add(Styles.KNOB_TITLE);
        title.textProperty().bind(vm.titleProperty());
        title.setLabelFor(slider);
        badge.getStyleClass().add(Styles.BADGE);
        slider.setMin(0);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        field.setPrefColumnCount(7);
        field.setAlignment(Pos.CENTER_RIGHT);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.tooltipProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(title, tip);
        slider.setTooltip(tip);
        field.setTooltip(tip);
        slider.accessibleTextProperty().bind(title.textProperty());
    }

    private void layoutParts() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, badge);
        header.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox row = new HBox(8, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, row);
        setSpacing(2);
    }

    private void bindToViewModel() {
        badge.textProperty().bind(vm.badgeProperty());
        vm.recompileProperty().subscribe(recompile -> {
            badge.getStyleClass().removeAll(Styles.BADGE_RUNTIME, Styles.BADGE_RECOMPILE);
            badge.getStyleClass().add(recompile ? Styles.BADGE_RECOMPILE : Styles.BADGE_RUNTIME);
        });
        stops.subscribe(list -> {
            syncing = true;
            slider.setMax(Math.max(0, list.size() - 1));
            syncing = false;
            showValue(value.get());
        });
        value.subscribe(v -> showValue(v.intValue()));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                List<Integer> list = stops.getValue();
                int index = (int) Math.round(now.doubleValue());
                value.set(list.get(Math.max(0, Math.min(index, list.size() - 1))));
            }
        });
        // Auto is the placeholder, not text: a click and "16" gives 16, not "16Auto"
        field.promptTextProperty().bind(vm.promptProperty());
        ScenarioPanel.bindInput(field, vm);
        slider.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN) {
                double step = e.getCode() == KeyCode.PAGE_UP ? 3 : -3;
                slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), slider.getValue() + step)));
                e.consume();
            }
        });
    }

    /** Moves the slider to the stop nearest the value (the field's text is the view model's). */
    private void showValue(int v) {
        syncing = true;
        try {
            slider.setValue(nearestIndex(stops.getValue(), v));
        } finally {
            syncing = false;
        }
    }

    /** The stop closest to a value on a log scale (Auto only for 0). */
    static int nearestIndex(List<Integer> list, int v) {
        int start = !list.isEmpty() && list.get(0) == 0 ? 1 : 0;
        if (v <= 0 && start == 1) {
            return 0;
        }
        int best = start;
        double bestDistance = Double.MAX_VALUE;
        for (int i = start; i < list.size(); i++) {
            double distance = Math.abs(Math.log(list.get(i)) - Math.log(Math.max(1, v)));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
