package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.shell.FileDialogs;
import dev.kvlens.ui.common.FileCommands;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The scenario panel's "Draft models" row: MLC's additional models (speculative decoding, rules §3.8), each with a
 * remove button, and buttons that add one from an {@code mlc-chat-config.json} or an MLC model folder. Files are read
 * off the FX thread; a failure names the file in the status line and changes nothing.
 */
final class DraftModelsRow extends VBox {

    private final DraftModelsViewModel vm;
    private final FileCommands files;
    private final FileDialogs dialogs;
    private final java.util.function.Consumer<String> status;
    private final VBox list = new VBox(2);
    private Path lastDirectory;

    DraftModelsRow(DraftModelsViewModel vm, FileCommands files, FileDialogs dialogs, java.util.function.Consumer<String> status) {
        super(4);
        this.vm = vm;
        this.files = files;
        this.dialogs = dialogs;
        this.status = status;
        setId("draftModels");
        Label title = new Label();
        title.getStyleClass().add(Styles.FORM_LABEL);
        title.textProperty().bind(vm.text("draft.title"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.text("draft.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        title.setTooltip(tip);
        list.setId("draftModelList");
        Button addFile = button("addDraftButton", "draft.add", this::chooseFile);
        Button addFolder = button("addDraftFolderButton", "draft.addFolder", this::chooseFolder);
        HBox buttons = new HBox(6, addFile, addFolder);
        getChildren().addAll(title, list, buttons);
        vm.rowsProperty().subscribe(this::rebuild);
    }

    /** Reads a draft model and adds it (tests call this as the chooser would). */
    CompletableFuture<Void> add(Path path) {
        lastDirectory = path.toAbsolutePath().getParent();
        return vm.read(files, path).handle((model, error) -> {
            Platform.runLater(() -> status.accept(vm.adopt(path, model, error)));
            return null;
        });
    }

    private void chooseFile() {
        dialogs.open(window(), vm.text("draft.file.title").getValue(), lastDirectory, List.of(
                new FileChooser.ExtensionFilter(vm.text("draft.filter").getValue(), "*.json"),
                new FileChooser.ExtensionFilter("*", "*"))).forEach(this::add);
    }

    private void chooseFolder() {
        dialogs.openFolder(window(), vm.text("draft.folder.title").getValue(), lastDirectory).ifPresent(this::add);
    }

    private void rebuild(List<DraftModelsViewModel.Row> rows) {
        list.getChildren().clear();
        if (rows.isEmpty()) {
            Label none = new Label();
            none.textProperty().bind(vm.text("draft.none"));
            none.getStyleClass().add(Styles.NOTE);
            list.getChildren().add(none);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            DraftModelsViewModel.Row m = rows.get(i);
            Label name = new Label(m.label());
            name.setId("draftModel" + i);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            int index = i;
            Button remove = new Button("×");
            remove.setId("removeDraft" + i);
            remove.setAccessibleText(m.removeText());
            remove.setTooltip(new Tooltip(m.removeText()));
            remove.setOnAction(e -> vm.remove(index));
            HBox row = new HBox(6, name, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(row);
        }
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(vm.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
