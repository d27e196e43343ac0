package dev.kvlens.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes files so that a crash or a full disk never leaves half a file: a temporary file, then a move. */
public final class AtomicFiles {

    /** Writes the content of a file at a path. */
    @FunctionalInterface
    interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes UTF-8 text atomically. */
    public static void writeText(Path target, String text) throws IOException {
        write(target, ".txt", temp -> Files.writeString(temp, text, java.nio.charset.StandardCharsets.UTF_8));
    }

    static void write(Path target, String suffix, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("folder " + dir + " does not exist");
        }
        Path temp = Files.createTempFile(dir, ".kvlens-", suffix + ".tmp");
        try {
            writer.write(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
