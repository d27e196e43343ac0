package dev.kvlens.ui.scenario;

import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;

/**
 * One trade-off knob (rules §3.5): the integer it edits (0 = Auto when its stops start with 0), the values its slider
 * snaps to, and its words — title, tooltip, the badge telling a runtime override from a value that needs a recompile.
 */
public final class KnobViewModel {

    private final IntegerProperty value;
    private final ObservableValue<List<Integer>> stops;
    private final ObservableValue<Boolean> recompile;
    private final ObservableValue<String> badge;
    // held here: a binding only weakly observes the language, one nobody holds would stop following it
    private final ObservableValue<String> title;
    private final ObservableValue<String> tooltip;
    private final ObservableValue<String> autoText = Language.text("value.auto");
    private final ObservableValue<String> invalidText = Language.text("value.invalid");

    /**
     * @param key       the knob's message key ({@code knob.batch}); {@code <key>.tooltip} is its tooltip
     * @param recompile whether a change needs a recompile (else it is a runtime override)
     */
    KnobViewModel(String key, IntegerProperty value, ObservableValue<List<Integer>> stops,
                  ObservableValue<Boolean> recompile) {
        this.value = value;
        this.stops = stops;
        this.recompile = recompile;
        this.badge = Bindings.createStringBinding(() -> Language.get(recompile.getValue() ? "badge.recompile"
                : "badge.runtime"), recompile, Language.localeProperty());
        this.title = Language.text(key);
        this.tooltip = Language.text(key + ".tooltip");
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

    /** The word for Auto, the empty field's placeholder. */
    public ObservableValue<String> autoTextProperty() {
        return autoText;
    }

    /** The placeholder after a text the knob does not take. */
    public ObservableValue<String> invalidTextProperty() {
        return invalidText;
    }
}
