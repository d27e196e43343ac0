package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.text.Phrase;

import java.util.OptionalInt;

/**
 * Typed, range-checked access to the fields of a JSON object, with errors that name the file and the
 * dotted field path.
 */
final class JsonFields {

    private final String source;
    private final String prefix;
    private final JsonNode node;

    JsonFields(String source, String prefix, JsonNode node) {
        this.source = source;
        this.prefix = prefix;
        this.node = node;
        if (node == null || !node.isObject()) {
            throw new InputException(source, prefix.isEmpty() ? "" : prefix,
                    Phrase.of(prefix.isEmpty() ? "io.json.containObject" : "io.json.beObject"));
        }
    }

    /** The nested object at {@code name}, required. */
    JsonFields object(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw missing(name);
        }
        return new JsonFields(source, path(name), child);
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /** A required integer in [min, max]. */
    int requireInt(String name, int min, int max) {
        return optionalInt(name, min, max).orElseThrow(() -> missing(name));
    }

    /** An optional integer in [min, max]; absent and null give empty. */
    OptionalInt optionalInt(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw error(name, "io.field.notWhole", describe(value));
        }
        if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw error(name, "io.field.outOfRange", String.valueOf(min), String.valueOf(max), value.asText());
        }
        return OptionalInt.of((int) value.asLong());
    }

    /** An optional boolean. */
    boolean optionalBoolean(String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(name, "io.field.notBoolean", describe(value));
        }
        return value.asBoolean();
    }

    /** A required non-empty string. */
    String requireString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(name, "io.field.notNonEmptyString", describe(value));
        }
        return value.asText();
    }

    /** An optional string, empty when absent. */
    String optionalString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw error(name, "io.field.notString", describe(value));
        }
        return value.asText();
    }

    /** A required integer that may exceed int range (bytes). */
    long requireLong(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error(name, "io.field.notWhole", describe(value));
        }
        long result = value.asLong();
        if (result < min || result > max) {
            throw error(name, "io.field.outOfRange", String.valueOf(min), String.valueOf(max), String.valueOf(result));
        }
        return result;
    }

    /** A problem with field {@code name}, said by the message {@code key} (prefixed {@code io.}) and its arguments. */
    InputException error(String name, String key, Object... args) {
        return new InputException(source, path(name), Phrase.of(key, args));
    }

    InputException missing(String name) {
        return error(name, "io.field.missing");
    }

    String source() {
        return source;
    }

    private String path(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String describe(JsonNode value) {
        String text = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
