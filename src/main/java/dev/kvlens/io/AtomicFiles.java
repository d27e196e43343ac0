package dev.kvlens.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Writes files so that a crash or a full disk never leaves half a file: a temporary file beside the target,
 * then a move. Saving through a symbolic link writes the file it points to (the link stays a link); an
 * existing file keeps its permissions; the temporary file is removed on every path, and ones a killed process
 * left behind are removed by {@link #removeStale}.
 */
public final class AtomicFiles {

    /** The prefix and suffix of temporary files. */
    static final String PREFIX = ".kvlens-";
    static final String SUFFIX = ".tmp";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

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
        Path absolute = followLinks(target.toAbsolutePath());
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("folder " + dir + " does not exist");
        }
        Path temp = createTemp(dir, suffix);
        try {
            writer.write(temp);
            keepPermissions(absolute, temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new, empty temporary file beside the target, created the way any program creates a file, so it gets the user's
     * umask ({@code Files.createTempFile} makes it 0600, and a saved chart or scenario would then be private).
     */
    private static Path createTemp(Path dir, String suffix) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Path temp = dir.resolve(PREFIX + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix + SUFFIX);
            try {
                Files.newByteChannel(temp, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE).close();
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
        throw new IOException("cannot create a temporary file in " + dir);
    }

    /** The file a chain of symbolic links ends at (the target itself when it is not a link). */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(current); hops++) {
            Path link = Files.readSymbolicLink(current);
            Path parent = current.getParent();
            current = (parent == null ? link : parent.resolve(link)).normalize();
        }
        if (Files.isSymbolicLink(current)) {
            throw new IOException(path + " is a loop of symbolic links");
        }
        return current;
    }

    private static void keepPermissions(Path existing, Path temp) {
        if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from == null || to == null) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = from.readAttributes().permissions();
            to.setPermissions(permissions);
        } catch (IOException | UnsupportedOperationException e) {
            // the default permissions of a new file remain
        }
    }

    /** Removes temporary files older than a minute that a killed or crashed save left in a folder. */
    public static void removeStale(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        FileTime limit = FileTime.from(Instant.now().minus(Duration.ofMinutes(1)));
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path file : stale) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(limit) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temporary file is harmless
        }
    }
}
