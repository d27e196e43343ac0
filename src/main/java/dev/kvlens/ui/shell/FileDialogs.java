package dev.kvlens.ui.shell;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the window asks for file names; native choosers normally, something scripted in tests. */
public interface FileDialogs {

    Optional<Path> save(Window owner, String title, String initialName, Path directory, FileChooser.ExtensionFilter filter);

    List<Path> open(Window owner, String title, Path directory, List<FileChooser.ExtensionFilter> filters);

    /** A folder (a model folder); none by default, for scripted dialogs that do not offer one. */
    default Optional<Path> openFolder(Window owner, String title, Path directory) {
        return Optional.empty();
    }

    /** The platform's file choosers. */
    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public Optional<Path> save(Window owner, String title, String initialName, Path directory,
                                   FileChooser.ExtensionFilter filter) {
            FileChooser chooser = chooser(title, directory);
            chooser.getExtensionFilters().add(filter);
            chooser.setInitialFileName(initialName);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }

        @Override
        public List<Path> open(Window owner, String title, Path directory, List<FileChooser.ExtensionFilter> filters) {
            FileChooser chooser = chooser(title, directory);
            chooser.getExtensionFilters().addAll(filters);
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> openFolder(Window owner, String title, Path directory) {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle(title);
            if (directory != null && directory.toFile().isDirectory()) {
                chooser.setInitialDirectory(directory.toFile());
            }
            return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        }

        private FileChooser chooser(String title, Path directory) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            if (directory != null && directory.toFile().isDirectory()) {
                chooser.setInitialDirectory(directory.toFile());
            }
            return chooser;
        }
    };

    /** {@code path}, or the same name with {@code extension} appended when it lacks it. */
    static Path withExtension(Path path, String extension) {
        return path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(extension)
                ? path : path.resolveSibling(path.getFileName() + extension);
    }
}
