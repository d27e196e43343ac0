package dev.kvlens.text;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.Locale;

/**
 * The language the window speaks, as an observable property (javafx.beans only, no toolkit): view models word what
 * they publish with {@link #text} and follow the language switch live; {@link Messages} is told of every change so
 * that plain calls word text in the same language.
 */
public final class Language {

    /** The languages the app ships. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final ObjectProperty<Locale> LOCALE = new SimpleObjectProperty<>(fromSystem(Locale.getDefault()));

    static {
        Messages.setLocale(LOCALE.get());
        // the first listener, and an invalidation listener: JavaFX tells those before any change listener, so every
        // binding or listener on the language that words a text through Messages already finds the new language
        LOCALE.addListener((InvalidationListener) o -> Messages.setLocale(LOCALE.get()));
    }

    private Language() {
    }

    /** The shipped locale that best matches a system locale: Chinese for zh, English otherwise. */
    public static Locale fromSystem(Locale system) {
        return "zh".equals(system.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The language now; set it through {@link #set}. */
    public static ObjectProperty<Locale> localeProperty() {
        return LOCALE;
    }

    public static Locale locale() {
        return LOCALE.get();
    }

    /** Switches to the shipped language that best matches {@code locale}. */
    public static void set(Locale locale) {
        LOCALE.set(fromSystem(locale));
    }

    /** A key's text now, with {@link java.text.MessageFormat} arguments when given. */
    public static String get(String key, Object... args) {
        return Messages.format(LOCALE.get(), key, args);
    }

    /** A key's text that follows the language. */
    public static StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), LOCALE);
    }

    /** A key's text that follows the language and the given argument values. */
    public static StringBinding text(String key, ObservableValue<?>... args) {
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
}
