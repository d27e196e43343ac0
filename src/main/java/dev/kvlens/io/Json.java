package dev.kvlens.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kvlens.text.Phrase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The one Jackson {@link ObjectMapper} of the app, configured for files from anywhere: bounded nesting,
 * number and string lengths, a file-size limit, tree reading only (no polymorphic typing), and a key given twice
 * in one object refused by name (by default Jackson keeps the last value silently).
 */
public final class Json {

    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(64)
                    .maxStringLength(1_000_000)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a JSON file as a tree, with clear errors for missing, unreadable, huge or malformed files: regular
     * files only, bounded by the bytes actually read and a time-out ({@link BoundedFiles}).
     */
    public static JsonNode readFile(Path path) {
        return parse(BoundedFiles.name(path), BoundedFiles.readUtf8(path, MAX_FILE_BYTES));
    }

    /** Reads a JSON resource from the classpath. */
    public static JsonNode readResource(String resource) {
        try (InputStream in = Json.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InputException(resource, "", Phrase.of("io.resource.missing"));
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException(resource, "", Phrase.of("io.file.cannotReadBecause", String.valueOf(e.getMessage())));
        }
    }

    /** Parses JSON text, naming the source in errors. A UTF-8 byte-order mark is accepted. */
    public static JsonNode parse(String sourceName, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InputException(sourceName, "", Phrase.of("io.file.empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? null : String.valueOf(e.getLocation().getLineNr());
            Phrase duplicate = duplicateKey(e);
            if (duplicate != null) {
                throw new InputException(sourceName, "", line == null ? Phrase.of("io.json.duplicateKey", duplicate)
                        : Phrase.of("io.json.duplicateKeyAtLine", duplicate, line));
            }
            String why = String.valueOf(e.getOriginalMessage());
            throw new InputException(sourceName, "", line == null ? Phrase.of("io.json.invalid", why)
                    : Phrase.of("io.json.invalidAt", line, String.valueOf(e.getLocation().getColumnNr()), why));
        }
    }

    /**
     * The key Jackson's duplicate detection refused, quoted, with the object it is in when that is not the top
     * level ({@code "head_dim" in "kv_cache"}); null for any other error. The parser has already taken the second
     * occurrence as its current name when it reports it.
     */
    private static Phrase duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate ") || !(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        JsonStreamContext context = parser.getParsingContext();
        if (context == null || context.getCurrentName() == null) {
            return null;
        }
        String key = "\"" + context.getCurrentName() + "\"";
        String parent = path(context.getParent());
        return parent.isEmpty() ? Phrase.of("text.verbatim", key) : Phrase.of("io.json.keyIn", key, "\"" + parent + "\"");
    }

    /** A context's place in the document as {@code kv_cache} or {@code params[1]}; empty at the top level. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = context.getCurrentName() == null ? "" : context.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
