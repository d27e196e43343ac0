package dev.kvlens.io;

/**
 * A file or value KV Lens cannot use, with a message a person can act on: which file, which field,
 * what is wrong. Never carries a stack trace to the user.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;

    public InputException(String source, String field, String problem) {
        super(compose(source, field, problem));
        this.source = source;
        this.field = field;
    }

    public InputException(String source, String field, String problem, Throwable cause) {
        super(compose(source, field, problem), cause);
        this.source = source;
        this.field = field;
    }

    /** The file (or input) the problem is in. */
    public String source() {
        return source;
    }

    /** The field, or an empty string when the whole input is at fault. */
    public String field() {
        return field;
    }

    /** One clean line: control characters escaped, no class names (file content may reach the message). */
    private static String compose(String source, String field, String problem) {
        return dev.kvlens.model.UserText.oneLine(field == null || field.isEmpty()
                ? source + ": " + problem
                : source + ": field '" + field + "' " + problem);
    }
}
