package dev.kvlens.ui.scenario;

import dev.kvlens.text.Language;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Supplier;

/**
 * A text field a view model validates (style rule 2): the text shown and typed, whether the last text committed was
 * refused, and why, in the user's language. The view binds the text, calls {@link #commit} on Enter and when focus
 * leaves, and marks the field while it is refused.
 */
public abstract class TypedField {

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** What the field shows and the user types. */
    public StringProperty textProperty() {
        return text;
    }

    /** Whether the last text committed was refused. */
    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** Why the last text committed was refused, in the user's language ("" when it was taken). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Takes the text when it is a value the field takes; otherwise keeps the value and says why. */
    public abstract void commit();

    /** How a refusal is worded (call once, from the constructor); it is worded again when {@code dependencies} change. */
    protected final void wordRefusal(Supplier<String> message, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 2];
        System.arraycopy(dependencies, 0, all, 0, dependencies.length);
        all[dependencies.length] = invalid;
        all[dependencies.length + 1] = Language.localeProperty();
        error.bind(Bindings.createStringBinding(() -> invalid.get() ? message.get() : "", all));
    }

    /** Refuses the text committed: it stays to be corrected. */
    protected final void refuse() {
        invalid.set(true);
    }

    /** Shows a value taken (or changed elsewhere): the text follows it and any refusal is over. */
    protected final void show(String shown) {
        text.set(shown);
        invalid.set(false);
    }

    /** The text typed, trimmed ("" for none). */
    protected final String typed() {
        return text.get() == null ? "" : text.get().trim();
    }
}
