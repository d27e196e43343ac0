package dev.kvlens.io;


import dev.kvlens.text.Phrase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads files from anywhere without trusting them: regular files only (no devices, pipes or sockets, which
 * can be endless or block), at most a limit of bytes actually read (a file's reported size can lie: /proc,
 * a file that grows), within a time-out (a stalled network mount). Every failure is an {@link InputException}
 * naming the file, in words, without Java class names.
 */
public final class BoundedFiles {

    /** How long one read may take. */
    public static final long TIMEOUT_SECONDS = 10;

    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "kvlens-file-read");
        thread.setDaemon(true);
        return thread;
    });

    private BoundedFiles() {
    }

    /** The file's name for messages. */
    static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** Reads at most {@code maxBytes} bytes of a regular file; more is an error. */
    public static byte[] readBytes(Path path, long maxBytes) {
        String name = name(path);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw failure(path, e);
        }
        if (attributes.isDirectory()) {
            throw new InputException(name, "", Phrase.of("io.file.folderNotFile"));
        }
        if (!attributes.isRegularFile()) {
            throw new InputException(path.toString(), "", Phrase.of("io.file.notRegular"));
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(name, maxBytes);
        }
        Future<byte[]> read = READERS.submit(() -> {
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
        });
        byte[] bytes;
        try {
            bytes = read.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new InputException(name, "", Phrase.of("io.file.timeout", String.valueOf(TIMEOUT_SECONDS)));
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new InputException(name, "", Phrase.of("io.file.interrupted"));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? failure(path, io)
                    : new InputException(name, "", Phrase.of("io.file.cannotRead"));
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(name, maxBytes);
        }
        return bytes;
    }

    /** Reads a regular file as strict UTF-8 (a UTF-8 byte-order mark is kept for the parsers to skip). */
    public static String readUtf8(Path path, long maxBytes) {
        byte[] bytes = readBytes(path, maxBytes);
        String name = name(path);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new InputException(name, "", Phrase.of("io.file.utf16"));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(name, "", Phrase.of("io.file.notUtf8"));
        }
    }

    private static InputException tooLarge(String name, long maxBytes) {
        return new InputException(name, "", maxBytes % (1 << 20) == 0
                ? Phrase.of("io.file.tooLargeMib", String.valueOf(maxBytes >> 20))
                : Phrase.of("io.file.tooLargeBytes", String.valueOf(maxBytes)));
    }

    /** An I/O failure in words. */
    static InputException failure(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(path.toString(), "", Phrase.of("io.file.missing"));
        }
        if (e instanceof AccessDeniedException) {
            return new InputException(path.toString(), "", Phrase.of("io.file.permissionDenied"));
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return new InputException(path.toString(), "", Phrase.of("io.file.cannotReadBecause", fs.getReason()));
        }
        return new InputException(path.toString(), "", Phrase.of("io.file.cannotRead"));
    }
}
