package dev.kvlens;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared test data (real MLC libraries and their metadata) lives in {@code ../shared} beside the
 * checkout, as CI lays it out; {@code -Dkvlens.shared=DIR} points elsewhere.
 */
public final class SharedData {

    private SharedData() {
    }

    /** A file or folder below the shared directory; fails loudly when the shared directory is missing. */
    public static Path path(String relative) {
        Path root = Path.of(System.getProperty("kvlens.shared", "../shared"));
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("shared test data missing: " + p.toAbsolutePath()
                    + " (CI lays out ../shared beside the checkout; set -Dkvlens.shared=DIR)");
        }
        return p;
    }
}
