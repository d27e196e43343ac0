package dev.kvlens.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Light or dark, or whatever the system prefers; applied as a style class on the window's root. */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    public static final String DARK_CLASS = "theme-dark";

    /** The choice, shared by the menu and the app's persistence. */
    public static final ObjectProperty<Theme> CHOICE = new SimpleObjectProperty<>(SYSTEM);

    /** Parses a stored name, falling back to SYSTEM. */
    public static Theme parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            return SYSTEM;
        }
    }

    /** Keeps a root's theme class in step with the choice. */
    public static void follow(Parent root, BooleanSupplier systemPrefersDark) {
        CHOICE.subscribe(choice -> {
            boolean dark = choice == DARK || (choice == SYSTEM && systemPrefersDark.getAsBoolean());
            root.getStyleClass().remove(DARK_CLASS);
            if (dark) {
                root.getStyleClass().add(DARK_CLASS);
            }
        });
    }
}
