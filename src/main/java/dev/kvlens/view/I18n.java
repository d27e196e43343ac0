package dev.kvlens.view;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import dev.kvlens.text.Messages;

import java.util.Locale;

/**
 * The window's accessor for user-visible strings: the locale as a JavaFX property (text bound through {@link #bind}
 * follows it), the texts from {@link Messages}.
 */
public final class I18n {

    /** The languages the app ships. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(fromSystem(Locale.getDefault()));

    static {
        Messages.setLocale(LOCALE.get());
        LOCALE.addListener((o, before, now) -> Messages.setLocale(now));
    }

    private I18n() {
    }

    /** The shipped locale that best matches a system locale: Chinese for zh, English otherwise. */
    public static Locale fromSystem(Locale system) {
        return "zh".equals(system.getLanguage()) ? CHINESE : ENGLISH;
    }

    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    public static Locale locale() {
        return LOCALE.get();
    }

    public static void setLocale(Locale locale) {
        LOCALE.set(fromSystem(locale));
    }

    /** The text of a key in the current locale, with {@link java.text.MessageFormat} arguments when given. */
    public static String get(String key, Object... args) {
        return Messages.format(LOCALE.get(), key, args);
    }

    /** A binding that follows the locale. */
    public static StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), LOCALE);
    }

    /** A binding that follows the locale and the given argument values. */
    public static StringBinding bind(String key, ObservableValue<?>... args) {
        ObservableValue<?>[] deps = new ObservableValue<?>[args.length + 1];
        System.arraycopy(args, 0, deps, 0, args.length);
        deps[args.length] = LOCALE;
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].getValue();
            }
            return get(key, values);
        }, deps);
    }

    /** Removes the mnemonic marker ('_') for places that show text without mnemonic parsing ("__" is a real '_'). */
    public static String plain(String key) {
        return get(key).replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
    }
}
