package dev.kvlens.ui.scenario;

import dev.kvlens.model.UtilizationRange;
import dev.kvlens.text.Language;
import javafx.beans.property.DoubleProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The utilization field: its text (two decimals of the value, half-even), what typing it does on commit, and the
 * message when the text is not a utilization the window takes ({@link UtilizationRange}, the slider's range too).
 */
public final class UtilizationInput extends TypedField {

    private final DoubleProperty utilization;

    UtilizationInput(DoubleProperty utilization) {
        this.utilization = utilization;
        utilization.subscribe(v -> show(format(v.doubleValue())));
        wordRefusal(() -> Language.get("scenario.utilization.invalid", format(UtilizationRange.MIN),
                format(UtilizationRange.MAX)));
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
        if (!UtilizationRange.contains(value)) {
            refuse();
            return;
        }
        utilization.set(value);
        show(format(value));
    }

    static String format(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
