package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A config seen through MLC's flattening of a nested {@code text_config} (rules §10): a field is looked up
 * in the text config first, then at the top level. Errors name the layer the value came from.
 */
final class LayeredFields {

    private final List<JsonFields> layers;
    private final List<JsonNode> nodes;

    private LayeredFields(List<JsonFields> layers, List<JsonNode> nodes) {
        this.layers = layers;
        this.nodes = nodes;
    }

    /** The top level alone, or {@code text_config} over the top level when {@code nested} and present. */
    static LayeredFields of(String source, String prefix, JsonNode root, boolean nested) {
        List<JsonFields> layers = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        JsonNode text = root.get("text_config");
        if (nested && text != null && text.isObject()) {
            layers.add(new JsonFields(source, prefix.isEmpty() ? "text_config" : prefix + ".text_config", text));
            nodes.add(text);
        }
        layers.add(new JsonFields(source, prefix, root));
        nodes.add(root);
        return new LayeredFields(layers, nodes);
    }

    /** Whether the config has a nested text config layer. */
    boolean nested() {
        return layers.size() > 1;
    }

    /** The top level only (for fields MLC reads there, like Gemma 3's vocab_size). */
    JsonFields top() {
        return layers.get(layers.size() - 1);
    }

    boolean has(String name) {
        return layers.stream().anyMatch(l -> l.has(name));
    }

    OptionalInt optionalInt(String name, int min, int max) {
        for (JsonFields layer : layers) {
            if (layer.has(name)) {
                return layer.optionalInt(name, min, max);
            }
        }
        return OptionalInt.empty();
    }

    int intOr(String name, int min, int max, int fallback) {
        return optionalInt(name, min, max).orElse(fallback);
    }

    int requireInt(String name, int min, int max) {
        return optionalInt(name, min, max).orElseThrow(() -> error(name, "io.field.missing"));
    }

    /** The first of several alternative names present, or {@code fallback}. */
    int firstInt(int min, int max, int fallback, String... names) {
        for (String name : names) {
            OptionalInt value = optionalInt(name, min, max);
            if (value.isPresent()) {
                return value.getAsInt();
            }
        }
        return fallback;
    }

    boolean optionalBoolean(String name, boolean fallback) {
        for (JsonFields layer : layers) {
            if (layer.has(name)) {
                return layer.optionalBoolean(name, fallback);
            }
        }
        return fallback;
    }

    String optionalString(String name) {
        for (JsonFields layer : layers) {
            if (layer.has(name)) {
                return layer.optionalString(name);
            }
        }
        return "";
    }

    /** The raw node of a field (arrays, objects), or null. */
    JsonNode node(String name) {
        for (JsonNode node : nodes) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    /** A problem with field {@code name} in the layer it came from, said by a message key and its arguments. */
    InputException error(String name, String key, Object... args) {
        for (JsonFields layer : layers) {
            if (layer.has(name)) {
                return layer.error(name, key, args);
            }
        }
        return layers.get(0).error(name, key, args);
    }
}
