package dev.kvlens.text;

/**
 * A problem that can say itself in any language: the exceptions a person reads ({@code InputException} for files and
 * values, {@link PhrasedException} for the model's checks) carry a {@link Phrase}; their {@code getMessage()} is the
 * English wording, which the CLI prints, and {@link Phrases#message(Throwable)} words them for the window.
 */
public interface Phrased {

    /** What went wrong, as a message key and its arguments. */
    Phrase phrase();
}
