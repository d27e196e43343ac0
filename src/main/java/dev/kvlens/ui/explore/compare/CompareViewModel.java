package dev.kvlens.ui.explore.compare;

import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.Mib;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.text.Language;
import dev.kvlens.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A/B: the scenario pinned as A against the current one, each quantity of the selected mode side by side with
 * the difference, as numbers (tests, CSV) and as the table's texts in the user's language.
 */
public final class CompareViewModel {

    /**
     * One quantity of both scenarios.
     *
     * @param key    the quantity's message key suffix ({@code compare.row.<key>}) and its CSV name
     * @param aBytes A's value (bytes, or a count for capacity and batch)
     * @param bBytes B's value
     */
    public record Delta(String key, double aBytes, double bBytes) {
        public double differenceBytes() {
            return bBytes - aBytes;
        }

        public double percent() {
            return aBytes == 0 ? 0 : 100.0 * (bBytes - aBytes) / aBytes;
        }

        /** Whether the quantity is a count (tokens, sequences), not bytes. */
        public boolean counts() {
            return key.equals("capacity") || key.equals("batch");
        }
    }

    /** One row of the table as shown: the quantity's name and the values formatted. */
    public record Row(Delta delta, String quantity, String a, String b, String difference, String percent) {
    }

    private final EstimatorViewModel estimator;
    private final ObjectProperty<ScenarioSpec> pinned = new SimpleObjectProperty<>(this, "pinned");
    /** What {@link #pinCurrent} pinned, with the additional models (rules §3.8) the spec alone does not hold. */
    private ScenarioDocument pinnedDocument;
    private final ObjectBinding<List<Delta>> comparison;
    private final ObjectBinding<List<Row>> rows;
    private final ObjectBinding<String> pinnedText;

    public CompareViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
        comparison = Bindings.createObjectBinding(this::compare, pinned, estimator.resultProperty());
        rows = Bindings.createObjectBinding(() -> comparison.get().stream().map(CompareViewModel::row).toList(),
                comparison, Language.localeProperty());
        pinnedText = Bindings.createObjectBinding(() -> {
            ScenarioSpec spec = pinned.get();
            return spec == null ? "" : Language.get("compare.pinned", spec.model().name(), spec.quantization().name(),
                    spec.device().name(), spec.engine().mode().mlcName());
        }, pinned, Language.localeProperty());
    }

    /** The scenario pinned as A (null: nothing pinned). */
    public ObjectProperty<ScenarioSpec> pinnedProperty() {
        return pinned;
    }

    /** The quantities of A and B (empty until A is pinned and both can be estimated). */
    public ObjectBinding<List<Delta>> comparisonProperty() {
        return comparison;
    }

    /** The table's rows in the user's language. */
    public ObservableValue<List<Row>> rowsProperty() {
        return rows;
    }

    /** What is pinned as A, in the user's language ("" when nothing is). */
    public ObservableValue<String> pinnedTextProperty() {
        return pinnedText;
    }

    /** A fixed text of this screen (title, buttons, column headers), following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** Pins the current scenario as A. */
    public void pinCurrent() {
        ScenarioDocument document = estimator.document();
        pinnedDocument = document;
        pinned.set(document.spec());
    }

    /** The comparison as CSV (machine names and plain numbers, the same in every language). */
    public String csv() {
        StringBuilder out = new StringBuilder("quantity,a,b,delta,percent\n");
        for (Delta d : comparison.get()) {
            out.append(csvName(d.key())).append(',').append(d.aBytes()).append(',').append(d.bBytes()).append(',')
                    .append(d.differenceBytes()).append(',').append(String.format(Locale.ROOT, "%.2f", d.percent()))
                    .append('\n');
        }
        return out.toString();
    }

    /** The CSV's quantity names: the English ones in every language (a file's columns do not change language). */
    private static String csvName(String key) {
        return Messages.format(Locale.ENGLISH, "compare.row." + key);
    }

    private static Row row(Delta d) {
        return new Row(d, Language.get("compare.row." + d.key()), value(d, d.aBytes()), value(d, d.bBytes()),
                value(d, d.differenceBytes()), String.format(Locale.ROOT, "%+.1f %%", d.percent()));
    }

    private static String value(Delta d, double bytes) {
        return d.counts() ? String.format(Locale.ROOT, "%,.0f", bytes) : Mib.format(bytes, 1) + " MiB";
    }

    private List<Delta> compare() {
        ScenarioSpec a = pinned.get();
        EstimateResult r = estimator.result();
        Optional<Estimate> b = r == null ? Optional.empty() : r.estimate();
        if (a == null || b.isEmpty()) {
            return List.of();
        }
        Estimate estimateA;
        try {
            estimateA = Estimator.estimate(pinnedDocument != null && pinnedDocument.spec() == a
                    ? pinnedDocument.toScenario() : a.toScenario());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        ModeEstimate ma = estimateA.selected();
        ModeEstimate mb = b.get().selected();
        List<Delta> rows = new ArrayList<>();
        rows.add(new Delta("params", ma.paramsBytes(), mb.paramsBytes()));
        rows.add(new Delta("temp", ma.tempBufferBytes(), mb.tempBufferBytes()));
        rows.add(new Delta("kvAux", ma.kvAuxBytes(), mb.kvAuxBytes()));
        rows.add(new Delta("workspaces", ma.modelWorkspaceBytes() + ma.logitWorkspaceBytes(),
                mb.modelWorkspaceBytes() + mb.logitWorkspaceBytes()));
        rows.add(new Delta("kvPages", ma.kvPagesBytes(), mb.kvPagesBytes()));
        rows.add(new Delta("total", ma.totalBytes(), mb.totalBytes()));
        rows.add(new Delta("capacity", ma.maxTotalSequenceLength(), mb.maxTotalSequenceLength()));
        rows.add(new Delta("batch", ma.maxNumSequence(), mb.maxNumSequence()));
        return rows;
    }
}
