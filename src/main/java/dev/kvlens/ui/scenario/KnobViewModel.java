package dev.kvlens.ui.scenario;

import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Locale;

/**
 * One trade-off knob (rules §3.5): the integer it edits (0 = Auto when its stops start with 0), the values its slider
 * snaps to, its words — title, tooltip, the badge telling a runtime override from a value that needs a recompile —
 * and its field: the text (empty for Auto: Auto is the placeholder, so a click and "16" gives 16), what typing does on
 * commit, and the message when the text is not a whole number from 1 to {@code max} (the model's token or batch
 * limit, {@link dev.kvlens.model.engine.InputLimits}).
 */
public final class KnobViewModel extends TypedField {

    private final IntegerProperty value;
    private final ObservableValue<List<Integer>> stops;
    private final ObservableValue<Boolean> recompile;
    private final long max;
    private final ObservableValue<String> badge;
    // held here: a binding only weakly observes the language, one nobody holds would stop following it
    private final ObservableValue<String> title;
    private final ObservableValue<String> tooltip;
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");

    /**
     * @param key       the knob's message key ({@code knob.batch}); {@code <key>.tooltip} is its tooltip
     * @param recompile whether a change needs a recompile (else it is a runtime override)
     * @param max       the largest value the field takes
     */
    KnobViewModel(String key, IntegerProperty value, ObservableValue<List<Integer>> stops,
                  ObservableValue<Boolean> recompile, long max) {
        this.value = value;
        this.stops = stops;
        this.recompile = recompile;
        this.max = max;
        this.badge = Bindings.createStringBinding(() -> Language.get(recompile.getValue() ? "badge.recompile"
                : "badge.runtime"), recompile, Language.localeProperty());
        this.title = Language.text(key);
        this.tooltip = Language.text(key + ".tooltip");
        prompt.bind(Bindings.createStringBinding(() -> autoAllowed() ? Language.get("value.auto") : "",
                stops, Language.localeProperty()));
        wordRefusal(() -> Language.get(autoAllowed() ? "knob.invalid.auto" : "knob.invalid", Long.toString(max)), stops);
        value.subscribe(v -> showValue());
        stops.subscribe(list -> showValue());
    }

    /** The value the knob edits. */
    public IntegerProperty valueProperty() {
        return value;
    }

    /** The values the slider snaps to, ascending; a first 0 is Auto. */
    public ObservableValue<List<Integer>> stopsProperty() {
        return stops;
    }

    /** Whether Auto (0) is a value this knob takes. */
    public boolean autoAllowed() {
        List<Integer> list = stops.getValue();
        return !list.isEmpty() && list.get(0) == 0;
    }

    public ObservableValue<String> titleProperty() {
        return title;
    }

    public ObservableValue<String> tooltipProperty() {
        return tooltip;
    }

    /** "runtime override" or "needs recompile". */
    public ObservableValue<String> badgeProperty() {
        return badge;
    }

    /** Whether the badge says the value needs a recompile (its style differs). */
    public ObservableValue<Boolean> recompileProperty() {
        return recompile;
    }

    /** The empty field's placeholder: the word for Auto where Auto is a value, else nothing. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /**
     * Takes the text as the value when it is a whole number from 1 to the limit (thousands separators and '_'
     * allowed), or empty / "auto" / the word for Auto where Auto is a value; otherwise keeps the value and says why.
     */
    @Override
    public void commit() {
        String typed = typed().replace(",", "").replace("_", "");
        boolean auto = typed.isEmpty() || typed.toLowerCase(Locale.ROOT).equals("auto")
                || typed.equals(Language.get("value.auto"));
        long parsed = auto ? 0 : number(typed);
        if (auto ? !autoAllowed() : parsed < 1 || parsed > max) {
            refuse();
            return;
        }
        value.set((int) parsed);
        showValue();
    }

    /** The whole number typed, or -1 when it is none. */
    private static long number(String typed) {
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void showValue() {
        int v = value.get();
        show(v == 0 && autoAllowed() ? "" : Integer.toString(v));
    }
}
