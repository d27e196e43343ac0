package dev.kvlens.ui.chart;

import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.ViewScope;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.Mib;
import dev.kvlens.model.Scenario;
import dev.kvlens.ui.scenario.EstimateResult;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The chart with its title, scenario line and marker legend: what the window shows in its centre and
 * what a PNG export contains (the CLI's export renders this same node).
 */
public final class ChartCard extends VBox {

    private final EstimatorViewModel viewModel;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final MemoryChart chart = new MemoryChart();
    private final Label error = new Label();
    private final Label budgetLegend = new Label();
    private final Label deviceLegend = new Label();
    private final Label tempNote = new Label();
    private final ViewScope scope = new ViewScope();

    public ChartCard(EstimatorViewModel viewModel) {
        this.viewModel = viewModel;
        initializeParts();
        layoutParts();
        bindToViewModel();
    }

    private void initializeParts() {
        getStyleClass().add(Styles.CHART_CARD);
        title.getStyleClass().add(Styles.CHART_TITLE);
        title.setId("chartTitle");
        subtitle.getStyleClass().add(Styles.CHART_SUBTITLE);
        subtitle.setWrapText(true);
        error.getStyleClass().add(Styles.STATUS_ERROR);
        error.setWrapText(true);
        error.setId("chartError");
        budgetLegend.setGraphic(legendLine(Styles.LEGEND_LINE_BUDGET));
        deviceLegend.setGraphic(legendLine(Styles.LEGEND_LINE_DEVICE));
        tempNote.getStyleClass().add(Styles.NOTE);
        tempNote.setId("tempNote");
        chart.setLegendVisible(true);
    }

    private static Region legendLine(String styleClass) {
        Region line = new Region();
        line.getStyleClass().add(styleClass);
        line.setMinSize(22, 3);
        line.setPrefSize(22, 3);
        line.setMaxSize(22, 3);
        return line;
    }

    private void layoutParts() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox legend = new HBox(16, budgetLegend, deviceLegend, spacer, tempNote);
        legend.setAlignment(Pos.CENTER_LEFT);
        StackPane plot = new StackPane(chart, error);
        StackPane.setAlignment(error, Pos.CENTER);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, subtitle, plot, legend);
        setSpacing(4);
    }

    private void bindToViewModel() {
        title.textProperty().bind(I18n.bind("chart.title"));
        scope.subscribe(viewModel.chartProperty(), chart::update);
        scope.subscribe(viewModel.resultProperty(), this::showResult);
        scope.onInvalidated(I18n.localeProperty(), () -> showResult(viewModel.result()));
    }

    /** Ends what the card observes (the view model, the language), so it can be collected once it is done. */
    public void dispose() {
        scope.dispose();
        chart.dispose();
    }

    /** Follows the language's CJK font (an export card) until {@link #dispose()}. */
    void followCjkFont() {
        scope.add(CjkFont.follow(this));
    }

    private void showResult(EstimateResult result) {
        if (result == null) {
            return;
        }
        error.setText(result.error().map(m -> I18n.get("error.title") + "\n" + m).orElse(""));
        error.setVisible(result.error().isPresent());
        chart.setVisible(result.error().isEmpty());
        result.estimate().ifPresent(this::describe);
    }

    private void describe(Estimate estimate) {
        Scenario s = estimate.scenario();
        subtitle.setText(I18n.get("chart.subtitle", s.model().name(), s.model().quantization().name(),
                s.device().name(), Mib.format(estimate.deviceBytes(), 0), s.device().backend().cliName(),
                s.rules().id()));
        budgetLegend.setText(I18n.get("chart.budget", MemoryChart.gibText(estimate.deviceBytes() * estimate.utilization())));
        deviceLegend.setText(I18n.get("chart.device", MemoryChart.gibText(estimate.deviceBytes())));
        tempNote.setText(tempText(s.model().tempFuncBytes()));
    }

    /** Where the temporary buffer comes from, in the user's language (the detail names the file or the target). */
    static String tempText(dev.kvlens.model.ByteFigure temp) {
        String detail = temp.detail();
        if (detail.startsWith(dev.kvlens.model.TempBufferSource.PLANNER)) {
            return I18n.get("chart.tempPlanner", target(detail, dev.kvlens.model.TempBufferSource.PLANNER));
        }
        if (detail.startsWith(dev.kvlens.model.TempBufferSource.PLANNER_ESTIMATED)) {
            return I18n.get("chart.tempPlannerEstimated",
                    target(detail, dev.kvlens.model.TempBufferSource.PLANNER_ESTIMATED));
        }
        if (!temp.provenance().exact()) {
            return I18n.get("chart.tempApprox");
        }
        return I18n.get("chart.tempExact", detail.startsWith("from ") ? detail.substring(5) : detail);
    }

    private static String target(String detail, String prefix) {
        String rest = detail.substring(prefix.length());
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    public MemoryChart chart() {
        return chart;
    }
}
