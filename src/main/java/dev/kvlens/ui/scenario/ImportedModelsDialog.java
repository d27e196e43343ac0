package dev.kvlens.ui.scenario;

import dev.kvlens.model.library.ModelDescription;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** File ▸ Manage imported models: the models the user imported, each removable. */
public final class ImportedModelsDialog {

    private ImportedModelsDialog() {
    }

    /** Shows the dialog; removing a model takes it out of the picker and of what the next start restores. */
    public static void show(Window owner, ScenarioPanelViewModel texts) {
        EstimatorViewModel vm = texts.estimator();
        FilteredList<ModelDescription> imported = new FilteredList<>(vm.models(), vm::isImported);
        ListView<ModelDescription> list = new ListView<>(imported);
        list.setId("importedModelsList");
        list.setPrefSize(560, 280);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ModelDescription m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : ScenarioPanelViewModel.importedEntry(m));
            }
        });
        Label empty = new Label();
        empty.textProperty().bind(texts.text("models.none"));
        list.setPlaceholder(empty);
        Button remove = new Button();
        remove.textProperty().bind(texts.text("models.remove"));
        remove.setId("removeImportedModel");
        remove.disableProperty().bind(Bindings.isNull(list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> vm.removeImported(list.getSelectionModel().getSelectedItem()));
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.titleProperty().bind(texts.text("models.title"));
        dialog.headerTextProperty().bind(texts.text("models.header"));
        dialog.getDialogPane().setId("importedModelsDialog");
        dialog.getDialogPane().setContent(new VBox(8, list, remove));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.show();
    }
}
