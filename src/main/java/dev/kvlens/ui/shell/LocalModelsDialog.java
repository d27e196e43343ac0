package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.model.InstalledModel;
import dev.kvlens.ui.common.FileCommands;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * File ▸ Open from this machine…: the models MLC and Hugging Face keep in their caches, named as users know them;
 * the caches are searched off the FX thread.
 */
final class LocalModelsDialog {

    private final Dialog<InstalledModel> dialog = new Dialog<>();
    private final ListView<InstalledModel> list = new ListView<>();
    private final Label status = new Label(I18n.get("local.searching"));
    private final FileCommands files;

    LocalModelsDialog(Window owner, FileCommands files) {
        this.files = files;
        dialog.initOwner(owner);
        dialog.setTitle(I18n.get("local.title"));
        dialog.setHeaderText(I18n.get("local.header"));
        ButtonType open = new ButtonType(I18n.get("local.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.get("local.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(open, cancel);
        dialog.getDialogPane().lookupButton(open).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setId("localModelsList");
        list.setPrefSize(640, 320);
        list.setCellFactory(v -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        status.setWrapText(true);
        VBox content = new VBox(8, status, list);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefSize(720, 440);
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == open ? list.getSelectionModel().getSelectedItem() : null);
    }

    /** Shows the dialog and hands the chosen folder or library to {@code open}. */
    void show(Consumer<Path> open) {
        files.installedModels().whenComplete((found, error) ->
                Platform.runLater(() -> fill(error == null ? found : List.of())));
        dialog.showAndWait().ifPresent(entry -> open.accept(Path.of(entry.path())));
    }

    private void fill(List<InstalledModel> entries) {
        list.getItems().setAll(entries);
        if (entries.isEmpty()) {
            List<Path> caches = files.modelCaches();
            status.setText(I18n.get("local.empty", caches.get(0), caches.get(1)));
        } else {
            status.setText("");
            Platform.runLater(() -> list.getSelectionModel().selectFirst());
        }
    }

    private static final class EntryCell extends ListCell<InstalledModel> {
        @Override
        protected void updateItem(InstalledModel entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String compiledFor = entry.weights().map(w -> " · " + I18n.get("local.compiledFor", Path.of(w).getFileName())).orElse("");
            setText(I18n.get("local.kind." + entry.kind().name()) + " · " + entry.name() + compiledFor);
            setTooltip(new Tooltip(entry.path().toString()));
        }
    }
}
