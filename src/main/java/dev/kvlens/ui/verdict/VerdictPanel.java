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

    private void show(List<VerdictViewModel.Row> list) {
        rows.getChildren().clear();
        for (VerdictViewModel.Row row : list) {
            Label badge = new Label(row.badge());
            badge.getStyleClass().addAll(Styles.VERDICT_BADGE,
                    Styles.VERDICT_BADGE + "-" + row.verdict().status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            badge.setMinWidth(USE_PREF_SIZE);
            Label text = new Label(row.text());
            text.setWrapText(true);
            text.setMinHeight(USE_PREF_SIZE); // wrap to a second line rather than cut the figures off
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(8, badge, text);
            String mode = row.verdict().mode().mlcName();
            line.setId("verdict" + Character.toUpperCase(mode.charAt(0)) + mode.substring(1));
            if (row.verdict().selected()) {
                line.getStyleClass().add(Styles.VERDICT_SELECTED);
            }
            Tooltip.install(line, new Tooltip(row.details()));
            rows.getChildren().add(line);
        }
    }
}
