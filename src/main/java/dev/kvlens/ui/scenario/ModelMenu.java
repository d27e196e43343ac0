package dev.kvlens.ui.scenario;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/**
 * The "⋯" menu beside the model picker: remove the imported model shown, or manage all imported models. (The
 * searchable picker opens its list on any click, so a context menu on the picker itself never shows.)
 */
final class ModelMenu {

    private ModelMenu() {
    }

    static MenuButton of(ScenarioPanelViewModel texts) {
        EstimatorViewModel vm = texts.estimator();
        MenuItem remove = new MenuItem();
        remove.setId("removeShownModel");
        remove.textProperty().bind(texts.removeShownProperty());
        remove.setOnAction(e -> vm.removeImported(vm.modelProperty().get()));
        MenuItem manage = new MenuItem();
        manage.setId("manageImportedModelsItem");
        manage.textProperty().bind(texts.manageProperty());
        MenuButton button = new MenuButton("⋯", null, remove, manage);
        button.setId("modelMenu");
        manage.setOnAction(e -> ImportedModelsDialog.show(
                button.getScene() == null ? null : button.getScene().getWindow(), texts));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(texts.text("models.menu"));
        button.setTooltip(tip);
        button.setOnShowing(e -> {
            remove.setDisable(!vm.isImported(vm.modelProperty().get()));
        });
        return button;
    }
}
