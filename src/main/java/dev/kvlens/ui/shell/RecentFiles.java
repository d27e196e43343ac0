package dev.kvlens.ui.shell;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The recently opened or saved files, newest first; the app persists each use. */
public final class RecentFiles {

    private static final int MAX = 8;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final Consumer<Path> persist;

    public RecentFiles(List<Path> initial, Consumer<Path> persist) {
        files.setAll(initial.stream().limit(MAX).toList());
        this.persist = persist;
    }

    public ObservableList<Path> files() {
        return files;
    }

    /** Moves a file to the top and remembers it. */
    public void use(Path file) {
        Path absolute = file.toAbsolutePath();
        files.remove(absolute);
        files.add(0, absolute);
        if (files.size() > MAX) {
            files.remove(MAX, files.size());
        }
        persist.accept(absolute);
    }
}
