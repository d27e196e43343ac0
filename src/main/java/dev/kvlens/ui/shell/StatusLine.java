package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.MlcLogFormatter;
import dev.kvlens.model.Mib;
import dev.kvlens.model.ModeEstimate;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.scene.control.Label;

/** One line under the chart: what MLC would do for the selected mode, or the error it would print. */
public final class StatusLine extends Label {

    private final EstimatorViewModel viewModel;

    public StatusLine(EstimatorViewModel viewModel) {
        this.viewModel = viewModel;
        setId("statusLine");
        getStyleClass().add(Styles.STATUS);
        setWrapText(true);
        viewModel.resultProperty().subscribe(this::show);
        I18n.localeProperty().subscribe(l -> show(viewModel.result()));
    }

    private void show(EstimateResult result) {
        if (result == null) {
            return;
        }
        boolean problem = result.error().isPresent() || !result.estimate().orElseThrow().succeeds();
        if (problem != getStyleClass().contains(Styles.STATUS_ERROR)) { // a class change re-applies CSS: only on flips
            if (problem) {
                getStyleClass().add(Styles.STATUS_ERROR);
            } else {
                getStyleClass().remove(Styles.STATUS_ERROR);
            }
        }
        if (result.error().isPresent()) {
            setText(I18n.get("error.title") + ": " + result.error().get());
            return;
        }
        Estimate e = result.estimate().orElseThrow();
        String mode = e.selectedMode().mlcName();
        if (!e.succeeds()) {
            ModeEstimate failed = e.failure().orElseThrow();
            setText(I18n.get("status.insufficient", failed.mode().mlcName()) + " "
                    + MlcLogFormatter.failureMessage(e).orElse("").lines().findFirst().orElse(""));
            return;
        }
        ModeEstimate m = e.selected();
        setText(I18n.get("status.ok", mode, Long.toString(m.maxNumSequence()), Long.toString(m.maxTotalSequenceLength()),
                Long.toString(m.prefillChunkSize()), Mib.format(m.totalBytes(), 3), Mib.format(m.availableBytes(), 3)));
    }
}
