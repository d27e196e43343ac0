package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Values for the symbolic parameter dimensions of library metadata, taken as MLC's runtime takes them: from the
 * {@code mlc-chat-config.json} of the model (top-level {@code vocab_size}, else {@code model_config.vocab_size};
 * rules §2.1).
 */
final class ChatConfigSymbols {

    static final String CHAT_CONFIG = "mlc-chat-config.json";

    private ChatConfigSymbols() {
    }

    /** The symbols of the chat config beside {@code library}, or none when there is no readable one. */
    static Map<String, Long> nextTo(Path library) {
        Path folder = library.toAbsolutePath().getParent();
        if (folder == null) {
            return Map.of();
        }
        Path config = folder.resolve(CHAT_CONFIG);
        if (!Files.isRegularFile(config)) {
            return Map.of();
        }
        try {
            return of(Json.readFile(config));
        } catch (InputException e) {
            return Map.of();
        }
    }

    /** The symbols a parsed chat config gives. */
    static Map<String, Long> of(JsonNode root) {
        JsonNode vocab = root.path("vocab_size");
        if (!vocab.canConvertToLong() || !vocab.isIntegralNumber()) {
            vocab = root.path("model_config").path("vocab_size");
        }
        return vocab.isIntegralNumber() && vocab.canConvertToLong() && vocab.asLong() > 0
                ? Map.of("vocab_size", vocab.asLong()) : Map.of();
    }
}
