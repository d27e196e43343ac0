package dev.kvlens.ui.verdict;

import dev.kvlens.ui.common.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/** The verdict under the chart: a badge and a line per engine mode, and the legend of the bars' B · T · P labels. */
public final class VerdictPanel extends VBox {

    private final VBox rows = new VBox(2);
    private final Label legend = new Label();

    public VerdictPanel(VerdictViewModel viewModel) {
        super(4);
        setId("verdictPanel");
        getStyleClass().add(Styles.VERDICT);
        legend.setId("barLegend");
        legend.getStyleClass().add(Styles.NOTE);
        legend.setWrapText(true);
        legend.textProperty().bind(viewModel.legendProperty());
        getChildren().addAll(rows, legend);
        viewModel.rowsProperty().subscribe(this::show);
    }

    /** A slider step updates the rows in place; nodes are made only when the number of modes changes. */
    private void show(List<VerdictViewModel.Row> list) {
        while (rows.getChildren().size() > list.size()) {
            rows.getChildren().remove(rows.getChildren().size() - 1);
        }
        while (rows.getChildren().size() < list.size()) {
            rows.getChildren().add(new Line());
        }
        for (int i = 0; i < list.size(); i++) {
            ((Line) rows.getChildren().get(i)).show(list.get(i));
        }
    }

    /** One mode's row: the badge and the sentence, the full verdict as tooltip. */
    private static final class Line extends HBox {
        private final Label badge = new Label();
        private final Label text = new Label();
        private final Tooltip details = new Tooltip();
        private String statusClass = "";

        Line() {
            super(8);
            badge.getStyleClass().add(Styles.VERDICT_BADGE);
            badge.setMinWidth(USE_PREF_SIZE);
            text.setWrapText(true);
            text.setMinHeight(USE_PREF_SIZE); // wrap to a second line rather than cut the figures off
            HBox.setHgrow(text, Priority.ALWAYS);
            getChildren().addAll(badge, text);
            Tooltip.install(this, details);
        }

        void show(VerdictViewModel.Row row) {
            badge.setText(row.badge());
            text.setText(row.text());
            details.setText(row.details());
            String mode = row.verdict().mode().mlcName();
            setId("verdict" + Character.toUpperCase(mode.charAt(0)) + mode.substring(1));
            // a style-class change re-applies CSS: only when the status or the selection flips
            String status = Styles.VERDICT_BADGE + "-" + row.verdict().status().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-');
            if (!status.equals(statusClass)) {
                badge.getStyleClass().remove(statusClass);
                badge.getStyleClass().add(status);
                statusClass = status;
            }
            if (row.verdict().selected() != getStyleClass().contains(Styles.VERDICT_SELECTED)) {
                if (row.verdict().selected()) {
                    getStyleClass().add(Styles.VERDICT_SELECTED);
                } else {
                    getStyleClass().remove(Styles.VERDICT_SELECTED);
                }
            }
        }
    }
}
