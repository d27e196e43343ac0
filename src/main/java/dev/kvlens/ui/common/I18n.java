package dev.kvlens.ui.common;

import dev.kvlens.text.Language;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.Locale;

/** The window's accessor for user-visible strings; the language and its texts live in {@link Language}. */
public final class I18n {

    /** The languages the app ships. */
    public static final Locale ENGLISH = Language.ENGLISH;
    public static final Locale CHINESE = Language.CHINESE;

    private I18n() {
    }

    /** The shipped locale that best matches a system locale: Chinese for zh, English otherwise. */
    public static Locale fromSystem(Locale system) {
        return Language.fromSystem(system);
    }

    public static ObjectProperty<Locale> localeProperty() {
        return Language.localeProperty();
    }

    public static Locale locale() {
        return Language.locale();
    }

    public static void setLocale(Locale locale) {
        Language.set(locale);
    }

    /** The text of a key in the current locale, with {@link java.text.MessageFormat} arguments when given. */
    public static String get(String key, Object... args) {
        return Language.get(key, args);
    }

    /** A binding that follows the locale. */
    public static StringBinding bind(String key, Object... args) {
        return Language.text(key, args);
    }

    /** A binding that follows the locale and the given argument values. */
    public static StringBinding bind(String key, ObservableValue<?>... args) {
        return Language.text(key, args);
    }

    /** Removes the mnemonic marker ('_') for places that show text without mnemonic parsing ("__" is a real '_'). */
    public static String plain(String key) {
        return get(key).replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
    }
}
