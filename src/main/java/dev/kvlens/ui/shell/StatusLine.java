package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.Styles;
import javafx.scene.control.Label;

/** One line under the chart: the shell view model's status (what MLC would do, or what the last command did). */
public final class StatusLine extends Label {

    public StatusLine(ShellViewModel viewModel) {
        setId("statusLine");
        getStyleClass().add(Styles.STATUS);
        setWrapText(true);
        textProperty().bind(viewModel.statusProperty());
        viewModel.statusProblemProperty().subscribe(problem -> { // a class change re-applies CSS: only on flips
            if (problem != getStyleClass().contains(Styles.STATUS_ERROR)) {
                if (problem) {
                    getStyleClass().add(Styles.STATUS_ERROR);
                } else {
                    getStyleClass().remove(Styles.STATUS_ERROR);
                }
            }
        });
    }
}
