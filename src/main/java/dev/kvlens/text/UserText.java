package dev.kvlens.text;

import java.util.regex.Pattern;

/**
 * Makes text that may carry file content safe to show a person: one line, control characters (terminal
 * escapes, newlines that would spoof a second message, bidirectional overrides) escaped as {@code \\uXXXX},
 * no Java or Jackson class names, bounded length.
 */
public final class UserText {

    /** Longest message shown. */
    public static final int MAX_LENGTH = 600;

    private static final Pattern JACKSON_SOURCE = Pattern.compile(
            "\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.fasterxml|picocli|dev\\.kvlens)\\.[A-Za-z0-9_.$]+:?\\s?");
    /** Java's simple class names; the Python errors MLC itself prints (KeyError, NotImplementedError, …) are kept. */
    private static final Pattern SIMPLE_CLASS = Pattern.compile(
            "\\b(?!(?:Key|NotImplemented|Value|Type)Error\\b)[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b:?\\s?");
    private static final Pattern FEATURE = Pattern.compile("\\(?`?[A-Z][A-Za-z]*Feature\\.[A-Z_]+`?[^)]*\\)?");

    private UserText() {
    }

    /** The text as one clean line. */
    public static String oneLine(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = JACKSON_SOURCE.matcher(text).replaceAll("line $1, column $2");
        s = FEATURE.matcher(s).replaceAll("");
        s = QUALIFIED_CLASS.matcher(s).replaceAll("");
        s = SIMPLE_CLASS.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH + 16));
        for (int i = 0; i < s.length() && out.length() < MAX_LENGTH; i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_LENGTH && s.length() > MAX_LENGTH) {
            out.append('…');
        }
        return out.toString().replaceAll(" {2,}", " ").replace("( ", "(").replace(" )", ")").replace("()", "").strip();
    }

    /** Escapes control characters of a value quoted from a file (no other change). */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(unsafe(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
    }
}
