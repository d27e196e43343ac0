package dev.kvlens.ui.explore.waterfall;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.engine.PhysicalAllocation;
import dev.kvlens.model.explore.Waterfall;
import dev.kvlens.text.Language;
import dev.kvlens.text.Phrases;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compile → runtime waterfall of the selected mode (rules §3.5: each term MLC adds, with its formula) and what
 * the runtime physically allocates (§3.6), as bars and texts in the user's language. Empty while the selected mode
 * does not fit or has no KV cache.
 */
public final class WaterfallViewModel {

    private static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * One bar: an invisible base and the visible step on top of it, in GiB.
     *
     * @param name    the category (a term, or the total)
     * @param baseGib where the step starts
     * @param stepGib the step's height
     * @param tooltip the term, its bytes, the running total and its formula
     */
    public record Bar(String name, double baseGib, double stepGib, String tooltip) {
    }

    private final ObjectBinding<List<Waterfall.Step>> steps;
    private final ObjectBinding<Optional<PhysicalAllocation>> physical;
    private final ObjectBinding<List<Bar>> bars;
    private final ObjectBinding<String> physicalText;
    private final ObjectBinding<String> warningsText;

    public WaterfallViewModel(EstimatorViewModel estimator) {
        steps = Bindings.createObjectBinding(() -> estimate(estimator)
                .filter(e -> e.stateKind() == Estimate.StateKind.KV_CACHE && e.selected().fits())
                .map(e -> Waterfall.of(e, e.selected())).orElse(List.of()), estimator.resultProperty());
        physical = Bindings.createObjectBinding(() -> estimate(estimator)
                .filter(e -> e.stateKind() == Estimate.StateKind.KV_CACHE && e.selected().fits())
                .map(e -> PhysicalAllocation.of(e, e.selected())), estimator.resultProperty());
        bars = Bindings.createObjectBinding(() -> bars(steps.get()), steps, Language.localeProperty());
        physicalText = Bindings.createObjectBinding(() -> physical.get().map(WaterfallViewModel::summary).orElse(""),
                physical, Language.localeProperty());
        warningsText = Bindings.createObjectBinding(() -> physical.get().map(p -> "• " + String.join("\n• ",
                p.warnings().stream().map(w -> Language.get("physical.warning." + w.name())).toList())).orElse(""),
                physical, Language.localeProperty());
    }

    private static Optional<Estimate> estimate(EstimatorViewModel estimator) {
        EstimateResult r = estimator.result();
        return r == null ? Optional.empty() : r.estimate();
    }

    /** The steps, then the total (empty when there is no waterfall). */
    public ObservableValue<List<Bar>> barsProperty() {
        return bars;
    }

    /** The physical allocation against the estimate (§3.6), or "". */
    public ObservableValue<String> physicalTextProperty() {
        return physicalText;
    }

    /** Where the physical allocation departs from MLC's estimate, one bullet each, or "". */
    public ObservableValue<String> warningsTextProperty() {
        return warningsText;
    }

    /** A fixed text of this screen (title, axis, headings), following the language. */
    public ObservableValue<String> text(String key) {
        return Language.text(key);
    }

    private static List<Bar> bars(List<Waterfall.Step> steps) {
        if (steps.isEmpty()) {
            return List.of();
        }
        List<Bar> bars = new ArrayList<>();
        for (Waterfall.Step s : steps) {
            String name = Language.get("waterfall." + s.kind().name());
            bars.add(new Bar(name, (s.total() - s.bytes()) / GIB, s.bytes() / GIB, name + ": +"
                    + Mib.format(s.bytes(), 3) + " MiB → " + Mib.format(s.total(), 3) + " MiB\n" + Phrases.get(s.formula())));
        }
        double total = steps.get(steps.size() - 1).total();
        String name = Language.get("waterfall.TOTAL");
        bars.add(new Bar(name, 0, total / GIB, name + ": " + Mib.format(total, 3) + " MiB"));
        return List.copyOf(bars);
    }

    private static String summary(PhysicalAllocation p) {
        // MLA's pages are smaller than MLC's estimate of them: "less than", never "-1292.8 MiB more than"
        return Language.get(p.differenceBytes() < 0 ? "physical.summaryLess" : "physical.summary", p.pages(),
                Mib.format(p.estimatedKvPagesBytes(), 1), Mib.format(p.physicalKvPagesBytes(), 1),
                Mib.format(p.estimatedWorkspaceBytes(), 0), Mib.format(p.physicalWorkspaceBytes(), 0),
                Mib.format(Math.abs(p.differenceBytes()), 1))
                + (p.rnnStateBytes() > 0 ? " " + Language.get("physical.rnnState", Mib.format(p.rnnStateBytes(), 2),
                p.rnnStateSlots()) : "")
                + (p.draftWorkspaceBytes() > 0 ? " " + Language.get("physical.draftWorkspace",
                Mib.format(p.draftWorkspaceBytes(), 1)) : "");
    }
}
