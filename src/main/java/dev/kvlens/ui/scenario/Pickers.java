package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
import javafx.util.StringConverter;

/** The scenario panel's pickers: how their items are named, in the user's language. */
final class Pickers {

    private Pickers() {
    }

    /**
     * Names a picker's items in the current language, and again on every switch: the shown value too — a new
     * converter alone re-words the list but leaves the button showing the old language until the value changes.
     */
    static <T> void followLanguage(javafx.scene.control.ComboBox<T> picker,
                                           java.util.function.Function<T, String> name) {
        I18n.localeProperty().subscribe(l -> {
            picker.setConverter(converter(name));
            picker.setButtonCell(new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? "" : name.apply(item));
                }
            });
        });
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
