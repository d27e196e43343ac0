package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.Styles;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Files and text dropped on the window are imported; the window is marked as a drop target meanwhile. */
final class FileDrops {

    private FileDrops() {
    }

    static void accept(Node target, Consumer<Path> file, Consumer<String> text) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!target.getStyleClass().contains(Styles.DROP_TARGET)) {
                    target.getStyleClass().add(Styles.DROP_TARGET);
                }
            }
            e.consume();
        });
        target.setOnDragExited(e -> target.getStyleClass().remove(Styles.DROP_TARGET));
        target.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles()) {
                e.getDragboard().getFiles().forEach(f -> file.accept(f.toPath()));
                done = true;
            } else if (e.getDragboard().hasString()) {
                text.accept(e.getDragboard().getString());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }
}
