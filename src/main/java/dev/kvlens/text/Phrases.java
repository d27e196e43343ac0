package dev.kvlens.text;

import dev.kvlens.model.Phrase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Words a model {@link Phrase} in a language: nested phrases first, byte figures as GiB with two decimals (the exact
 * binary value rounded half-even, as MLC rounds its MiB), everything else as {@link java.text.MessageFormat} does.
 */
public final class Phrases {

    private static final double BYTES_PER_GIB = 1024.0 * 1024.0 * 1024.0;

    private Phrases() {
    }

    /** The phrase in the current language ({@link Messages#locale()}). */
    public static String get(Phrase phrase) {
        return format(Messages.locale(), phrase);
    }

    /** The phrase in {@code language}. */
    public static String format(Locale language, Phrase phrase) {
        Object[] args = phrase.args().stream().map(a -> argument(language, a)).toArray();
        return Messages.format(language, phrase.key(), args);
    }

    /** A byte count in GiB, two decimals. */
    public static String gib(double bytes) {
        return new BigDecimal(bytes / BYTES_PER_GIB).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Object argument(Locale language, Object arg) {
        if (arg instanceof Phrase nested) {
            return format(language, nested);
        }
        if (arg instanceof Phrase.Gib gib) {
            return gib(gib.bytes());
        }
        return arg;
    }
}
