package dev.kvlens.ui.help;

import dev.kvlens.text.Glossary;
import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;

/**
 * Help ▸ Glossary: the terms of KV Lens and of MLC-LLM's logs ({@link Glossary}), one shown at a time with the entries
 * it points to, in the user's language (it follows the language switch).
 */
public final class GlossaryViewModel {

    /** An entry as the list shows it. */
    public record Entry(Glossary term, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    private final ObjectProperty<Glossary> selected = new SimpleObjectProperty<>(this, "selected", Glossary.WHY_ZERO);
    private final ObjectBinding<List<Entry>> entries = Bindings.createObjectBinding(
            () -> List.of(Glossary.values()).stream().map(t -> new Entry(t, t.title())).toList(), Language.localeProperty());
    private final ObjectBinding<String> title = Bindings.createObjectBinding(() -> selected.get().title(), selected,
            Language.localeProperty());
    private final ObjectBinding<String> body = Bindings.createObjectBinding(() -> selected.get().body(), selected,
            Language.localeProperty());
    private final ObjectBinding<List<Entry>> seeAlso = Bindings.createObjectBinding(
            () -> selected.get().seeAlso().stream().map(t -> new Entry(t, t.title())).toList(), selected,
            Language.localeProperty());
    private final ObservableValue<String> seeAlsoLabel = Bindings.createStringBinding(
            () -> Glossary.text("glossary.seeAlso"), Language.localeProperty());
    private final ObservableValue<String> windowTitle = Bindings.createStringBinding(
            () -> Glossary.text("glossary.title"), Language.localeProperty());

    /** The entry shown. */
    public ObjectProperty<Glossary> selectedProperty() {
        return selected;
    }

    /** Every entry, in reading order, titled in the current language. */
    public ObjectBinding<List<Entry>> entriesProperty() {
        return entries;
    }

    public ObjectBinding<String> titleProperty() {
        return title;
    }

    public ObjectBinding<String> bodyProperty() {
        return body;
    }

    /** The entries the shown one points to. */
    public ObjectBinding<List<Entry>> seeAlsoProperty() {
        return seeAlso;
    }

    public ObservableValue<String> seeAlsoLabelProperty() {
        return seeAlsoLabel;
    }

    public ObservableValue<String> windowTitleProperty() {
        return windowTitle;
    }

    /** Shows another entry (a "see also" link, a provenance tooltip's pointer). */
    public void show(Glossary term) {
        selected.set(term);
    }
}
