package dev.kvlens.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence for people, as a message key and its arguments, so that model code can say what it found without
 * choosing a language (the window and the CLI word it through {@code dev.kvlens.text.Phrases}). Arguments are
 * numbers (tokens, counts), strings (MLC's own names: modes, schemes), {@link Gib} byte figures, or nested phrases.
 *
 * @param key   a key of {@code dev/kvlens/i18n/messages*.properties}
 * @param args  the arguments in placeholder order
 */
public record Phrase(String key, List<Object> args) {

    public Phrase {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }

    /** A byte figure that is shown in GiB (2^30 bytes) at the edge; the model keeps the bytes. */
    public record Gib(double bytes) {
    }
}
