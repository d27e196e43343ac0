package dev.kvlens.ui.shell;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimateResult;

/** The status line for an estimate: what MLC would do for the selected mode (rules §3.5), or the error it would print. */
final class StatusText {

    private StatusText() {
    }

    static String of(EstimateResult result) {
        if (result.error().isPresent()) {
            return Language.get("io.problem.status", Language.get("error.title"), result.error().get());
        }
        Estimate e = result.estimate().orElseThrow();
        if (!e.succeeds()) {
            ModeEstimate failed = e.failure().orElseThrow();
            return Language.get("status.insufficient", failed.mode().mlcName()) + " "
                    + MlcLogFormatter.failureMessage(e).orElse("").lines().findFirst().orElse("");
        }
        ModeEstimate m = e.selected();
        return Language.get("status.ok", e.selectedMode().mlcName(), Long.toString(m.maxNumSequence()),
                Long.toString(m.maxTotalSequenceLength()), Long.toString(m.prefillChunkSize()),
                Mib.format(m.totalBytes(), 3), Mib.format(m.availableBytes(), 3));
    }
}
