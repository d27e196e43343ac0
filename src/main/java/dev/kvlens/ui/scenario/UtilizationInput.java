package dev.kvlens.ui.scenario;

import dev.kvlens.model.UtilizationRange;
import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The utilization field: its text (two decimals of the value, half-even; more below 0.01), what typing it does on
 * commit, the message when the text is not a utilization KV Lens takes, and the warning when it is above 1 — the
 * values the command line and a scenario file take too ({@link UtilizationRange}).
 */
public final class UtilizationInput extends TypedField {

    private final DoubleProperty utilization;
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

    UtilizationInput(DoubleProperty utilization) {
        this.utilization = utilization;
        utilization.subscribe(v -> show(format(v.doubleValue())));
        wordRefusal(() -> Language.get("scenario.utilization.notAbove0"));
        warning.bind(Bindings.createStringBinding(() -> UtilizationRange.aboveDevice(utilization.get())
                ? Language.get("scenario.utilization.aboveDevice") : "", utilization, Language.localeProperty()));
    }

    /** Why the value taken may mislead (above 1: MLC plans with more memory than the GPU has), "" otherwise. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    @Override
    public void commit() {
        double value;
        try {
            value = Double.parseDouble(typed());
        } catch (NumberFormatException e) {
            refuse();
            return;
        }
        if (!UtilizationRange.accepts(value)) {
            refuse();
            return;
        }
        utilization.set(value);
        show(format(value));
    }

    /** Two decimals, as the slider steps; a value below the slider's first step as typed (0.005 is not 0.01). */
    static String format(double value) {
        return value < UtilizationRange.SLIDER_MIN ? BigDecimal.valueOf(value).toPlainString()
                : new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
