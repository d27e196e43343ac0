package dev.kvlens.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user-visible strings ({@code dev/kvlens/i18n/messages*.properties}, UTF-8) without the toolkit, so view models and
 * model-facing code can word what they publish in the user's language. The window's {@code I18n} keeps the locale as a
 * JavaFX property and tells this class when it changes.
 */
public final class Messages {

    private static final String BUNDLE = "dev.kvlens.i18n.messages";
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();
    private static volatile Locale locale = Locale.ENGLISH;

    private Messages() {
    }

    /** The language text is worded in now. */
    public static Locale locale() {
        return locale;
    }

    /** Sets the language (the window's language switch calls this). */
    public static void setLocale(Locale value) {
        locale = value;
    }

    /** A key's text in the current language, with {@link MessageFormat} arguments when given. */
    public static String get(String key, Object... args) {
        return format(locale, key, args);
    }

    /** A key's text in {@code language}. */
    public static String format(Locale language, String key, Object... args) {
        return format(BUNDLE, language, key, args);
    }

    /** A key's text of another bundle of the app (the glossary's), with the same rules. */
    static String format(String bundle, Locale language, String key, Object... args) {
        // no fallback to the JVM's default locale: English on a Chinese system must stay English
        String text = ResourceBundle.getBundle(bundle, language, NO_SYSTEM_FALLBACK).getString(key);
        if (args.length == 0) {
            return text;
        }
        // parsing a pattern builds a MessageFormat and its sub-formats: a slider step formats dozens of texts, so
        // each pattern is parsed once per language (MessageFormat is not thread-safe: format under its lock)
        MessageFormat format = FORMATS.computeIfAbsent(bundle + '\u0000' + language.toLanguageTag() + '\u0000' + key,
                k -> new MessageFormat(text, language));
        synchronized (format) {
            return format.format(args);
        }
    }
}
