package dev.kvlens.ui.scenario;

import dev.kvlens.model.UtilizationRange;
import dev.kvlens.text.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The utilization field: its text (two decimals of the value, half-even), what typing it does on commit, and the
 * message when the text is not a utilization the window takes ({@link UtilizationRange}, the slider's range too).
 */
public final class UtilizationInput {

    private final DoubleProperty utilization;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper(this, "invalid");
    private final ObservableValue<String> error;

    UtilizationInput(DoubleProperty utilization) {
        this.utilization = utilization;
        utilization.subscribe(v -> {
            text.set(format(v.doubleValue()));
            invalid.set(false);
        });
        error = Bindings.createStringBinding(() -> invalid.get() ? Language.get("scenario.utilization.invalid",
                format(UtilizationRange.MIN), format(UtilizationRange.MAX)) : "", invalid, Language.localeProperty());
    }

    /** What the field shows and the user types. */
    public StringProperty textProperty() {
        return text;
    }

    /** Whether the last text committed was refused. */
    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    /** Why the last text committed was refused, in the user's language ("" when it was taken). */
    public ObservableValue<String> errorProperty() {
        return error;
    }

    /** Takes the text as the utilization when it is one the window takes; otherwise keeps the value and says why. */
    public void commit() {
        double value;
        try {
            value = Double.parseDouble(text.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            invalid.set(true);
            return;
        }
        if (!UtilizationRange.contains(value)) {
            invalid.set(true);
            return;
        }
        utilization.set(value);
        text.set(format(value));
        invalid.set(false);
    }

    static String format(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
