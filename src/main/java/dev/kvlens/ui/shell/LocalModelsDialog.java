package dev.kvlens.ui.shell;

import dev.kvlens.model.mlc.InstalledModel;
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
import java.util.function.Consumer;

/**
 * File ▸ Open from this machine…: the models MLC and Hugging Face keep in their caches, named as users know them;
 * the caches are searched off the FX thread.
 */
final class LocalModelsDialog {

    private final Dialog<InstalledModel> dialog = new Dialog<>();
    private final ListView<InstalledModel> list = new ListView<>();
    private final Label status = new Label();
    private final LocalModelsViewModel vm;

    LocalModelsDialog(Window owner, LocalModelsViewModel vm) {
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.titleProperty().bind(vm.text("local.title"));
        dialog.headerTextProperty().bind(vm.text("local.header"));
        ButtonType open = new ButtonType(vm.text("local.open").getValue(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(vm.text("local.cancel").getValue(), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(open, cancel);
        dialog.getDialogPane().lookupButton(open).disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setId("localModelsList");
        list.setPrefSize(640, 320);
        list.setItems(vm.entries());
        list.setCellFactory(v -> new EntryCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem());
                dialog.close();
            }
        });
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        VBox content = new VBox(8, status, list);
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefSize(720, 440);
        dialog.setResizable(true);
        dialog.setResultConverter(button -> button == open ? list.getSelectionModel().getSelectedItem() : null);
    }

    /** Shows the dialog and hands the chosen folder or library to {@code open}. */
    void show(Consumer<Path> open) {
        vm.search().thenRun(() -> Platform.runLater(() -> list.getSelectionModel().selectFirst()));
        dialog.showAndWait().ifPresent(entry -> open.accept(Path.of(entry.path())));
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
            setText(LocalModelsViewModel.label(entry));
            setTooltip(new Tooltip(entry.path().toString()));
        }
    }
}
