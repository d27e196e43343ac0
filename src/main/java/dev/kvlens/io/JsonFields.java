package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;

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
                    prefix.isEmpty() ? "must contain a JSON object" : "must be a JSON object");
        }
    }

    /** The nested object at {@code name}, required. */
    JsonFields object(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new InputException(source, path(name), "is missing");
        }
        return new JsonFields(source, path(name), child);
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /** A required integer in [min, max]. */
    int requireInt(String name, int min, int max) {
        return optionalInt(name, min, max).orElseThrow(() -> new InputException(source, path(name), "is missing"));
    }

    /** An optional integer in [min, max]; absent and null give empty. */
    OptionalInt optionalInt(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw new InputException(source, path(name), "must be a whole number, got " + describe(value));
        }
        if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new InputException(source, path(name), "must be between " + min + " and " + max + ", got " + value.asText());
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
            throw new InputException(source, path(name), "must be true or false, got " + describe(value));
        }
        return value.asBoolean();
    }

    /** A required non-empty string. */
    String requireString(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InputException(source, path(name), "is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InputException(source, path(name), "must be a non-empty string, got " + describe(value));
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
            throw new InputException(source, path(name), "must be a string, got " + describe(value));
        }
        return value.asText();
    }

    /** A required integer that may exceed int range (bytes). */
    long requireLong(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InputException(source, path(name), "is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InputException(source, path(name), "must be a whole number, got " + describe(value));
        }
        long result = value.asLong();
        if (result < min || result > max) {
            throw new InputException(source, path(name), "must be between " + min + " and " + max + ", got " + result);
        }
        return result;
    }

    InputException error(String name, String problem) {
        return new InputException(source, path(name), problem);
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
