package dev.kvlens.ui.scenario;

import dev.kvlens.model.EngineMode;
import dev.kvlens.ui.common.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The engine mode MLC runs in (local, interactive, server; rules §3.5): one toggle each, one always selected. */
final class ModeButtons extends VBox {

    private final ToggleGroup modes = new ToggleGroup();

    ModeButtons(ScenarioPanelViewModel texts) {
        super(4);
        EstimatorViewModel vm = texts.estimator();
        Label label = new Label();
        label.getStyleClass().add(Styles.FORM_LABEL);
        label.textProperty().bind(texts.text("scenario.mode"));
        HBox buttons = new HBox(0);
        buttons.getStyleClass().add("mode-buttons");
        for (EngineMode mode : EngineMode.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("mode" + mode.name().charAt(0) + mode.name().substring(1).toLowerCase(Locale.ROOT));
            button.textProperty().bind(texts.modeName(mode));
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
        tip.textProperty().bind(texts.text("scenario.mode.tooltip"));
        label.setTooltip(tip);
        getChildren().addAll(label, buttons);
    }
}
