package dev.kvlens.io;

import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrased;
import dev.kvlens.text.Phrases;
import dev.kvlens.text.UserText;

import java.util.Locale;

/**
 * A file or value KV Lens cannot use, with a message a person can act on: which file, which field,
 * what is wrong. Never carries a stack trace to the user. The problem is a {@link Phrase}, so the window words it in
 * the user's language; {@link #getMessage()} is the English wording the CLI prints.
 */
public class InputException extends RuntimeException implements Phrased {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final transient Phrase phrase;

    public InputException(String source, String field, Phrase problem) {
        this(source, field, problem, null);
    }

    public InputException(String source, String field, Phrase problem, Throwable cause) {
        super(UserText.oneLine(Phrases.format(Locale.ENGLISH, compose(source, field, problem))), cause);
        this.source = source;
        this.field = field;
        this.phrase = compose(source, field, problem);
    }

    /**
     * A problem already worded in English, shown in English in every language.
     *
     * @deprecated no reader words its problems in English any more (ArchitectureTest); say the problem as a
     *     {@link Phrase}, or quote another layer's words with {@code ReportedProblems.of}
     */
    @Deprecated(forRemoval = true)
    public InputException(String source, String field, String problem) {
        this(source, field, problem, null);
    }

    /**
     * A problem already worded in English, with its cause.
     *
     * @deprecated as {@link #InputException(String, String, String)}
     */
    @Deprecated(forRemoval = true)
    public InputException(String source, String field, String problem, Throwable cause) {
        this(source, field, Phrase.of("text.verbatim", problem), cause);
    }

    /** The file (or input) the problem is in. */
    public String source() {
        return source;
    }

    /** The field, or an empty string when the whole input is at fault. */
    public String field() {
        return field;
    }

    /** The whole message: file, field and problem. */
    @Override
    public Phrase phrase() {
        return phrase;
    }

    private static Phrase compose(String source, String field, Phrase problem) {
        return field == null || field.isEmpty()
                ? Phrase.of("error.input", source, problem)
                : Phrase.of("error.input.field", source, field, problem);
    }
}
