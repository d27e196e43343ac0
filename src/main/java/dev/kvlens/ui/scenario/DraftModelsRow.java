package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.shell.FileDialogs;
import dev.kvlens.model.AdditionalModel;
import dev.kvlens.ui.common.FileCommands;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
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

    private final EstimatorViewModel vm;
    private final FileCommands files;
    private final FileDialogs dialogs;
    private final java.util.function.Consumer<String> status;
    private final VBox list = new VBox(2);
    private Path lastDirectory;

    DraftModelsRow(EstimatorViewModel vm, FileCommands files, FileDialogs dialogs, java.util.function.Consumer<String> status) {
        super(4);
        this.vm = vm;
        this.files = files;
        this.dialogs = dialogs;
        this.status = status;
        setId("draftModels");
        Label title = new Label();
        title.getStyleClass().add(Styles.FORM_LABEL);
        title.textProperty().bind(I18n.bind("draft.title"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.bind("draft.tooltip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        title.setTooltip(tip);
        list.setId("draftModelList");
        Button addFile = button("addDraftButton", "draft.add", this::chooseFile);
        Button addFolder = button("addDraftFolderButton", "draft.addFolder", this::chooseFolder);
        HBox buttons = new HBox(6, addFile, addFolder);
        getChildren().addAll(title, list, buttons);
        vm.additionalModels().addListener((ListChangeListener<AdditionalModel>) c -> rebuild());
        I18n.localeProperty().subscribe(l -> rebuild());
    }

    /** Reads a draft model and adds it (tests call this as the chooser would). */
    CompletableFuture<Void> add(Path path) {
        lastDirectory = path.toAbsolutePath().getParent();
        return vm.readAdditionalModel(files, path).handle((model, error) -> {
            Platform.runLater(() -> {
                if (error != null) {
                    status.accept(I18n.get("draft.failed", path.getFileName()) + ": " + FileCommands.message(error));
                    return;
                }
                vm.addAdditionalModel(model);
                status.accept(I18n.get("draft.added", model.description().name()));
            });
            return null;
        });
    }

    private void chooseFile() {
        dialogs.open(window(), I18n.get("draft.file.title"), lastDirectory, List.of(
                new FileChooser.ExtensionFilter(I18n.get("draft.filter"), "*.json"),
                new FileChooser.ExtensionFilter("*", "*"))).forEach(this::add);
    }

    private void chooseFolder() {
        dialogs.openFolder(window(), I18n.get("draft.folder.title"), lastDirectory).ifPresent(this::add);
    }

    private void rebuild() {
        list.getChildren().clear();
        List<AdditionalModel> models = vm.additionalModels();
        if (models.isEmpty()) {
            Label none = new Label(I18n.get("draft.none"));
            none.getStyleClass().add(Styles.NOTE);
            list.getChildren().add(none);
            return;
        }
        for (int i = 0; i < models.size(); i++) {
            AdditionalModel m = models.get(i);
            Label name = new Label(I18n.get("draft.entry", m.description().name(), m.scheme().name()));
            name.setId("draftModel" + i);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            int index = i;
            Button remove = new Button("×");
            remove.setId("removeDraft" + i);
            remove.setAccessibleText(I18n.get("draft.remove", m.description().name()));
            Tooltip removeTip = new Tooltip(I18n.get("draft.remove", m.description().name()));
            remove.setTooltip(removeTip);
            remove.setOnAction(e -> vm.removeAdditionalModel(index));
            HBox row = new HBox(6, name, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(row);
        }
    }

    private static Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(I18n.bind(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }
}
