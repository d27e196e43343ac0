package dev.kvlens.text;

import java.util.Locale;

/**
 * A value the model cannot use (a batch size below 1, a device too small to hold the KV cache asked for), said as a
 * {@link Phrase}. It is an {@link IllegalArgumentException}, as the model's argument checks always were; the message
 * is the English wording (what the CLI prints), {@link #phrase()} the words for another language.
 */
public class PhrasedException extends IllegalArgumentException implements Phrased {

    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public PhrasedException(Phrase phrase) {
        super(UserText.oneLine(Phrases.format(Locale.ENGLISH, phrase)));
        this.phrase = phrase;
    }

    public PhrasedException(String key, Object... args) {
        this(Phrase.of(key, args));
    }

    @Override
    public Phrase phrase() {
        return phrase;
    }
}
