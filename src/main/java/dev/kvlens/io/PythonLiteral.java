package dev.kvlens.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, bounded reader for the Python literals MLC logs ({@code Registering metadata: {'model_type': 'llama',
 * 'context_window_size': 8192, ...}}): dicts, lists, tuples, strings, numbers, True/False/None. Anything else is
 * an error with the position; depth and length are bounded so hostile text cannot exhaust the stack.
 */
final class PythonLiteral {

    private static final int MAX_DEPTH = 32;
    private static final int MAX_LENGTH = 1 << 20;

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Parses one literal; trailing text is ignored. */
    static Object parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("literal longer than 1 MiB");
        }
        return new PythonLiteral(text).value(0);
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict(depth);
            case '[', '(' -> list(depth, c == '[' ? ']' : ')');
            case '\'', '"' -> string(c);
            default -> atom();
        };
    }

    private Map<String, Object> dict(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            Object key = value(depth + 1);
            skipSpace();
            expect(':');
            map.put(String.valueOf(key), value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> list(int depth, char close) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == close) {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
                if (peek() == close) {
                    pos++;
                    return list;
                }
            } else {
                expect(close);
                return list;
            }
        }
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char escaped = text.charAt(pos++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> escaped;
                });
            } else {
                out.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Object atom() {
        int start = pos;
        while (pos < text.length() && "-+.0123456789eEaAbcdfilmnorstuxyFNT_".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return null;
            default:
                break;
        }
        if (word.isEmpty() || word.length() > 64) {
            throw error("unexpected character");
        }
        try {
            return new BigDecimal(word.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("not a number: " + word);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at character " + (pos + 1));
    }
}
