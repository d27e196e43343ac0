package dev.kvlens.ui.verdict;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.explore.ModeVerdict;
import dev.kvlens.text.Language;
import dev.kvlens.text.Phrases;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Will it fit my card, and what will each mode take?" — the answer on the main view: one row per engine mode with
 * the verdict ({@link ModeVerdict}, rules §3.5 and §3.9) in the user's language, in GiB, what is left, what limits the
 * KV cache, and next to MLC's estimate what the GPU will really hold.
 */
public final class VerdictViewModel {

    /** One mode's answer, worded. */
    public record Row(ModeVerdict verdict, String badge, String text, String details) {

        /** Whether MLC starts and the allocation fits the device. */
        public boolean fits() {
            return verdict.status() == ModeVerdict.Status.FITS || verdict.status() == ModeVerdict.Status.TIGHT;
        }
    }

    private final ObjectBinding<List<Row>> rows;
    private final ObservableValue<String> legend = Language.text("verdict.legend");
    private final ObservableValue<String> title = Language.text("verdict.title");

    public VerdictViewModel(EstimatorViewModel estimator) {
        rows = Bindings.createObjectBinding(() -> rows(estimator.result(), Language.locale()), estimator.resultProperty(),
                Language.localeProperty());
    }

    /** The rows, local, interactive, server (empty while the inputs are inconsistent). */
    public ObjectBinding<List<Row>> rowsProperty() {
        return rows;
    }

    /** The one-line legend of the bar labels: B · T · P. */
    public ObservableValue<String> legendProperty() {
        return legend;
    }

    /** The heading of the answer. */
    public ObservableValue<String> titleProperty() {
        return title;
    }

    static List<Row> rows(EstimateResult result, Locale language) {
        Optional<Estimate> estimate = result == null ? Optional.empty() : result.estimate();
        return estimate.map(e -> ModeVerdict.of(e).stream().map(v -> row(v, language)).toList()).orElse(List.of());
    }

    private static Row row(ModeVerdict v, Locale language) {
        String badge = Language.get("verdict.badge." + v.status().name());
        String details = Phrases.format(language, v.phrase());
        String text = switch (v.status()) {
            case FITS, TIGHT -> Language.get("verdict.row", v.mode().mlcName(), Phrases.gib(v.leftBytes()),
                    Phrases.gib(v.deviceBytes()), v.physicalBytes().isPresent()
                            ? Language.get("verdict.row.physical", Phrases.gib(v.physicalBytes().getAsDouble()))
                            : Language.get("verdict.row.noPhysical"),
                    Phrases.gib(v.estimatedBytes()), v.maxTotalSequenceLength(),
                    Language.get("verdict.limitShort." + v.limit().name()));
            case DOES_NOT_FIT, ALLOCATION_FAILS -> details;
        };
        return new Row(v, badge, text, details);
    }
}
