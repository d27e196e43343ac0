package dev.kvlens.ui.help;

import dev.kvlens.text.Glossary;
import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.List;

/**
 * The first-run tour: five steps, each pointing at the part of the window it explains (by node id), worded in the
 * user's language; Next, Back, Skip and Done. The shell shows it on a first start and from Help ▸ Quick tour.
 */
public final class TourViewModel {

    /** A step: the message keys' stem and the id of the node it points at. */
    public record Step(String key, String anchorId) {
    }

    /** The steps, in order. */
    public static final List<Step> STEPS = List.of(new Step("model", "modelPicker"), new Step("device", "devicePicker"),
            new Step("knobs", "scenarioScroll"), new Step("chart", "memoryChart"), new Step("share", "menuBar"));

    private final IntegerProperty index = new SimpleIntegerProperty(this, "index", 0);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final StringBinding title = text(() -> "tour." + step().key() + ".title");
    private final StringBinding body = text(() -> "tour." + step().key() + ".body");
    private final StringBinding progress = Bindings.createStringBinding(
            () -> Glossary.text("tour.step", index.get() + 1, STEPS.size()), index, Language.localeProperty());
    private final StringBinding next = Bindings.createStringBinding(
            () -> Glossary.text(last() ? "tour.done" : "tour.next"), index, Language.localeProperty());
    private final StringBinding back = fixed("tour.back");
    private final StringBinding skip = fixed("tour.skip");
    private final BooleanBinding atStart = index.isEqualTo(0);

    private StringBinding text(java.util.function.Supplier<String> key) {
        return Bindings.createStringBinding(() -> Glossary.text(key.get()), index, Language.localeProperty());
    }

    private static StringBinding fixed(String key) {
        return Bindings.createStringBinding(() -> Glossary.text(key), Language.localeProperty());
    }

    /** The step shown now. */
    public Step step() {
        return STEPS.get(index.get());
    }

    public IntegerProperty indexProperty() {
        return index;
    }

    /** Whether the tour is showing. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringBinding bodyProperty() {
        return body;
    }

    /** "Step 2 of 5". */
    public StringBinding progressProperty() {
        return progress;
    }

    /** "Next", or "Done" on the last step. */
    public StringBinding nextTextProperty() {
        return next;
    }

    public StringBinding backTextProperty() {
        return back;
    }

    public StringBinding skipTextProperty() {
        return skip;
    }

    /** Back is pointless on the first step. */
    public BooleanBinding atStartProperty() {
        return atStart;
    }

    /** Starts the tour at its first step. */
    public void start() {
        index.set(0);
        open.set(true);
    }

    /** The next step, or the end of the tour after the last one. */
    public void next() {
        if (last()) {
            open.set(false);
        } else {
            index.set(index.get() + 1);
        }
    }

    public void back() {
        index.set(Math.max(0, index.get() - 1));
    }

    /** Ends the tour wherever it is. */
    public void skip() {
        open.set(false);
    }

    private boolean last() {
        return index.get() == STEPS.size() - 1;
    }
}
