package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.mlc.LibraryMetadata;
import dev.kvlens.model.mlc.LibraryOrigin;
import dev.kvlens.text.Phrase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a compiled MLC model library — {@code .so}, {@code .dylib}, {@code .dll}, {@code .wasm}, or the {@code .tar}
 * bundles of static libraries for Android and iOS, whatever the file is called — and returns the {@code _metadata}
 * JSON TVM embedded in it (rules §2.1), through the same reader as {@code model_metadata} output. The library is never
 * loaded or run: its bytes are scanned once, streaming, a tar member by member (rules §4.2).
 */
public final class LibraryFiles {

    /** Bytes read from one library at most (after decompression for a gzipped bundle). */
    public static final long MAX_LIBRARY_BYTES = 4L * 1024 * 1024 * 1024;

    private static final int CHUNK = 64 * 1024;
    private static final int HEAD = 512;

    private LibraryFiles() {
    }

    /** Whether the file's first bytes are those of a library form (not text). */
    public static boolean isLibrary(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(512);
            return form(head, head.length).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the metadata of a library file.
     *
     * @param symbols values for symbolic parameter dimensions ({@code vocab_size}); when empty, a
     *                {@code mlc-chat-config.json} in the same folder is consulted
     * @throws InputException naming the file when it holds no MLC metadata or cannot be read
     */
    public static Artifact.Metadata read(Path path, Map<String, Long> symbols) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (!Files.isRegularFile(path)) {
            throw new InputException(name, "", Phrase.of(Files.exists(path) ? "io.file.notAFile" : "io.file.missing"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(name, in, symbols.isEmpty() ? ChatConfigSymbols.nextTo(path) : symbols);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "", Phrase.of("io.file.missing"));
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /** Reads library bytes from a stream; {@code name} names the source in results and errors. */
    static Artifact.Metadata read(String name, InputStream stream, Map<String, Long> resolve) {
        Scan scan;
        try {
            scan = scan(name, stream);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "", Phrase.of("io.file.missing"));
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(name, "", Phrase.of("io.library.damagedArchive"));
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
        for (byte[] candidate : scan.scanner.candidates()) {
            Optional<JsonNode> root = parse(name, candidate);
            if (root.isPresent() && LibraryMetadataReader.looksLike(root.get())) {
                LibraryMetadata metadata = LibraryMetadataReader.parse(name, root.get(), resolve);
                LibraryOrigin origin = new LibraryOrigin(name, scan.form, target(scan), Optional.ofNullable(scan.member));
                return new Artifact.Metadata(name, metadata, Optional.of(origin));
            }
        }
        if (!scan.scanner.candidates().isEmpty() || scan.scanner.truncatedCandidate()) {
            throw new InputException(name, "", Phrase.of("io.library.truncatedMetadata"));
        }
        throw new InputException(name, "", Phrase.of("io.library.noMetadata." + scan.form.name()));
    }

    private static Optional<JsonNode> parse(String name, byte[] candidate) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(candidate)).toString();
            return Optional.of(Json.parse(name, text));
        } catch (CharacterCodingException | InputException e) {
            return Optional.empty();
        }
    }

    /** What one pass over the file found. */
    private static final class Scan {
        final LibraryScanner scanner = new LibraryScanner();
        LibraryOrigin.Form form = LibraryOrigin.Form.OTHER;
        String member;
        long read;
    }

    private static Scan scan(String name, InputStream stream) throws IOException {
        Scan scan = new Scan();
        byte[] head = stream.readNBytes(HEAD);
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(head), stream);
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            InputStream unzipped = new GZIPInputStream(in, CHUNK);
            head = unzipped.readNBytes(HEAD);
            in = new SequenceInputStream(new ByteArrayInputStream(head), unzipped);
        }
        try (InputStream content = in) {
            if (TarMembers.looksLikeTar(head, head.length)) {
                scan.form = LibraryOrigin.Form.STATIC_BUNDLE;
                TarMembers.walk(name, content, (member, bytes) -> {
                    int before = scan.scanner.candidates().size();
                    feed(name, scan, bytes);
                    if (scan.member == null && scan.scanner.candidates().size() > before) {
                        scan.member = member;
                    }
                    return !scan.scanner.satisfied();
                });
            } else {
                scan.form = form(head, head.length).orElse(LibraryOrigin.Form.OTHER);
                feed(name, scan, content);
            }
        }
        return scan;
    }

    private static void feed(String name, Scan scan, InputStream in) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while (!scan.scanner.satisfied() && (n = in.read(buffer)) > 0) {
            scan.read += n;
            if (scan.read > MAX_LIBRARY_BYTES) {
                throw new InputException(name, "", Phrase.of("io.library.tooLarge",
                        String.valueOf(MAX_LIBRARY_BYTES >> 30)));
            }
            scan.scanner.feed(buffer, n);
        }
    }

    private static Optional<String> target(Scan scan) {
        Optional<String> device = scan.scanner.firstDeviceKey().map(k -> k.equals("hip") ? "rocm" : k);
        return switch (scan.form) {
            case WEBASSEMBLY -> Optional.of("webgpu");
            case STATIC_BUNDLE -> device.map(d -> switch (d) {
                case "metal" -> "iphone";
                case "opencl" -> "android";
                default -> d;
            });
            default -> device;
        };
    }

    private static InputException cannotRead(String name, IOException e) {
        return new InputException(name, "", e.getMessage() == null ? Phrase.of("io.file.cannotRead")
                : Phrase.of("io.file.cannotReadDetail", e.getMessage()));
    }

    /** The library form a file's first bytes announce, if any. */
    static Optional<LibraryOrigin.Form> form(byte[] h, int n) {
        if (n >= 4 && (h[0] & 0xff) == 0x7f && h[1] == 'E' && h[2] == 'L' && h[3] == 'F') {
            return Optional.of(LibraryOrigin.Form.SHARED_OBJECT);
        }
        if (n >= 4 && h[0] == 0 && h[1] == 'a' && h[2] == 's' && h[3] == 'm') {
            return Optional.of(LibraryOrigin.Form.WEBASSEMBLY);
        }
        if (n >= 4 && isMachO(h)) {
            return Optional.of(LibraryOrigin.Form.MACH_O);
        }
        if (n >= 2 && h[0] == 'M' && h[1] == 'Z') {
            return Optional.of(LibraryOrigin.Form.WINDOWS_DLL);
        }
        if (n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            return Optional.of(LibraryOrigin.Form.STATIC_BUNDLE);
        }
        if (TarMembers.looksLikeTar(h, n)) {
            return Optional.of(LibraryOrigin.Form.STATIC_BUNDLE);
        }
        return Optional.empty();
    }

    private static boolean isMachO(byte[] h) {
        int magic = ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        // 32/64-bit, both byte orders; the universal (fat) magic CAFEBABE is shared with Java class files, so a fat
        // file counts only when its architecture count is small
        return magic == 0xfeedface || magic == 0xfeedfacf || magic == 0xcefaedfe || magic == 0xcffaedfe
                || (magic == 0xcafebabe && h.length >= 8 && h[4] == 0 && h[5] == 0 && h[6] == 0 && h[7] > 0 && h[7] < 16);
    }
}
