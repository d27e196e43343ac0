package dev.kvlens.text;


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

    /**
     * The message of a problem in the current language, as one clean line: a {@link Phrased} problem worded from its
     * phrase, any other by its (English) message.
     */
    public static String message(Throwable problem) {
        return message(Messages.locale(), problem);
    }

    /** What a problem said: its phrase when it has one, else its (English) message quoted as written (none: empty). */
    public static Phrase of(Throwable problem) {
        return problem instanceof Phrased phrased && phrased.phrase() != null ? phrased.phrase()
                : Phrase.of("text.verbatim", java.util.Objects.toString(problem.getMessage(), ""));
    }

    /** The message of a problem in {@code language}. */
    public static String message(Locale language, Throwable problem) {
        if (problem instanceof Phrased phrased && phrased.phrase() != null) {
            return UserText.oneLine(format(language, phrased.phrase()));
        }
        return UserText.oneLine(problem.getMessage());
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
