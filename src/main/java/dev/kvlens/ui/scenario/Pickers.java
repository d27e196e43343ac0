package dev.kvlens.ui.scenario;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

import java.util.function.Function;

/** The scenario panel's pickers: how their items are named, in the user's language. */
final class Pickers {

    private Pickers() {
    }

    /** The shown value's cell, re-worded on demand. */
    private static final class ShownCell<T> extends ListCell<T> {
        private final Function<T, String> name;

        ShownCell(Function<T, String> name) {
            this.name = name;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : name.apply(item));
        }

        void reword() {
            updateItem(getItem(), isEmpty());
        }
    }

    /**
     * Names a picker's items as its view model does ({@code names} is a new function on every language switch), and
     * again on every switch: the shown value too — a new
     * converter alone re-words the list but leaves the button showing the old language until the value changes.
     */
    static <T> void followLanguage(ComboBox<T> picker, ObservableValue<Function<T, String>> names) {
        ShownCell<T> shown = new ShownCell<>(item -> names.getValue().apply(item));
        picker.setButtonCell(shown);
        names.subscribe(name -> {
            picker.setConverter(converter(name));
            shown.reword();
        });
    }

    static <T> StringConverter<T> converter(Function<T, String> name) {
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
