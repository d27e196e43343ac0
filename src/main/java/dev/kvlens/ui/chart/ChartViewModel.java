package dev.kvlens.ui.chart;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.library.TempBufferSource;
import dev.kvlens.text.Language;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * The memory chart card's words: the bars (from the estimator, rules §3.5 per mode), the subtitle naming the scenario,
 * the marker legend, where the temporary buffer comes from (§4.2), each bar's annotation, name and tooltip, in the
 * user's language. Tested without the toolkit.
 */
public final class ChartViewModel {

    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    private final EstimatorViewModel estimator;

    public ChartViewModel(EstimatorViewModel estimator) {
        this.estimator = estimator;
    }

    /** The bars, or null when the inputs cannot be estimated. */
    public ObservableValue<ChartModel> chartProperty() {
        return estimator.chartProperty();
    }

    /** Why there is no estimate ("" when there is one). */
    public ObservableValue<String> errorProperty() {
        return follow(r -> r.error().map(m -> Language.get("error.title") + "\n" + m).orElse(""));
    }

    /** Model, scheme, device, its memory and backend, rules. */
    public ObservableValue<String> subtitleProperty() {
        return followEstimate(e -> {
            Scenario s = e.scenario();
            return Language.get("chart.subtitle", s.model().name(), s.model().quantization().name(), s.device().name(),
                    Mib.format(e.deviceBytes(), 0), s.device().backend().cliName(), s.rules().id());
        });
    }

    /** The budget marker's legend: device × utilization. */
    public ObservableValue<String> budgetLegendProperty() {
        return followEstimate(e -> Language.get("chart.budget", gibText(e.deviceBytes() * e.utilization())));
    }

    /** The device marker's legend. */
    public ObservableValue<String> deviceLegendProperty() {
        return followEstimate(e -> Language.get("chart.device", gibText(e.deviceBytes())));
    }

    /** Where the temporary buffer comes from. */
    public ObservableValue<String> tempNoteProperty() {
        return followEstimate(e -> tempText(e.scenario().model().tempFuncBytes()));
    }

    /** A fixed text of the card (title, axis, series names), following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    /** The language: bar names and tooltips are worded again when it changes. */
    public ObservableValue<?> languageProperty() {
        return Language.localeProperty();
    }

    /** The axis name of a bar; stable while values change, so dragging never re-creates bars. */
    public String categoryName(MemoryBar bar) {
        return bar.mode().map(m -> Language.get("chart.category." + m.mlcName()))
                .orElseGet(() -> Language.get("chart.category.compile"));
    }

    /** The bar's name, marked when it is the selected mode. */
    public String describedName(MemoryBar bar) {
        return bar.selected() ? Language.get("chart.selected", categoryName(bar)) : categoryName(bar);
    }

    /** The note above a bar: B · T · P, "does not fit", or the compile report's. */
    public String annotationText(MemoryBar b) {
        if (b.compileReport()) {
            return Language.get("chart.compileAnnotation");
        }
        if (!b.fits()) {
            return Language.get("chart.doesNotFit");
        }
        return Language.get("chart.annotation", Long.toString(b.batch()), Long.toString(b.tokens()),
                Long.toString(b.prefill()));
    }

    /** What a screen reader says of a segment: "server: KV cache 13.37 GiB". */
    public String segmentText(MemoryBar bar, Segment segment, double bytes) {
        return describedName(bar) + ": " + Language.get("segment." + segment.name()) + " " + gibText(bytes) + " GiB";
    }

    /** A segment's tooltip: name, MiB, GiB, formula and the glossary entry that explains it. */
    public String tooltipText(MemoryBar bar, Segment segment, double bytes) {
        return Language.get("chart.tooltip", describedName(bar), Language.get("segment." + segment.name()),
                Mib.format(bytes, 3), gibText(bytes), segment.formula(), segment.glossary().title());
    }

    /** Where the temporary buffer comes from, in the user's language (the detail names the file or the target). */
    static String tempText(ByteFigure temp) {
        Phrase note = temp.note();
        if (note.key().equals(TempBufferSource.PLANNER)) {
            return Language.get("chart.tempPlanner", note.args().get(0));
        }
        if (note.key().equals(TempBufferSource.PLANNER_ESTIMATED)) {
            return Language.get("chart.tempPlannerEstimated", note.args().get(0));
        }
        if (!temp.provenance().exact()) {
            return Language.get("chart.tempApprox");
        }
        return Language.get("chart.tempExact", switch (note.key()) {
            case "model.figure.from" -> note.args().get(0);
            case "model.figure.memoryUsage" -> note.args().get(0) + " (memory_usage)";
            default -> fromless(Phrases.get(note));
        });
    }

    /** A detail read back from a scenario file is English text: "from X" says the file. */
    private static String fromless(String detail) {
        return detail.startsWith("from ") ? detail.substring(5) : detail;
    }

    static String gibText(double bytes) {
        return new BigDecimal(bytes / BYTES_PER_GIB).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private ObservableValue<String> follow(Function<EstimateResult, String> text) {
        return Bindings.createStringBinding(() -> estimator.result() == null ? "" : text.apply(estimator.result()),
                estimator.resultProperty(), Language.localeProperty());
    }

    /** Follows the estimate; keeps the last text while there is none (the card shows the error then). */
    private ObservableValue<String> followEstimate(Function<Estimate, String> text) {
        String[] last = {""};
        return Bindings.createStringBinding(() -> {
            EstimateResult r = estimator.result();
            if (r != null && r.estimate().isPresent()) {
                last[0] = text.apply(r.estimate().get());
            }
            return last[0];
        }, estimator.resultProperty(), Language.localeProperty());
    }
}
