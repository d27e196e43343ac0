package dev.kvlens.io;

import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;

/**
 * The words of a problem another layer reported while a file was read (the model refusing a value, a limit it found
 * exceeded), as the {@link Phrase} an {@link InputException} carries: a {@link dev.kvlens.text.Phrased} problem keeps its key and
 * arguments, so it is said in the user's language; any other is quoted as written (English).
 */
public final class ReportedProblems {

    private ReportedProblems() {
    }

    /** What {@code problem} said. */
    public static Phrase of(Throwable problem) {
        return Phrases.of(problem);
    }

    /** A problem already said as a phrase. */
    public static Phrase of(Phrase problem) {
        return problem;
    }

    /** A problem worded elsewhere, in English. */
    public static Phrase of(String problem) {
        return quoted(problem);
    }

    private static Phrase quoted(String text) {
        return Phrase.of("text.verbatim", text);
    }
}
