package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
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

    static MenuButton of(EstimatorViewModel vm) {
        MenuItem remove = new MenuItem();
        remove.setId("removeShownModel");
        remove.setOnAction(e -> vm.removeImported(vm.modelProperty().get()));
        MenuItem manage = new MenuItem();
        manage.setId("manageImportedModelsItem");
        MenuButton button = new MenuButton("⋯", null, remove, manage);
        button.setId("modelMenu");
        manage.setOnAction(e -> ImportedModelsDialog.show(
                button.getScene() == null ? null : button.getScene().getWindow(), vm));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.bind("models.menu"));
        button.setTooltip(tip);
        button.setOnShowing(e -> {
            remove.setText(I18n.get("models.removeShown", vm.modelProperty().get().name()));
            remove.setDisable(!vm.isImported(vm.modelProperty().get()));
            manage.setText(I18n.get("models.manage").replaceAll("\\(_.\\)", "").replace("_", "")); // no mnemonic here
        });
        return button;
    }
}
