package dev.kvlens.ui.chart;

import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.ViewScope;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The chart with its title, scenario line and marker legend: what the window shows in its centre and
 * what a PNG export contains (the CLI's export renders this same node).
 */
public final class ChartCard extends VBox {

    private final ChartViewModel viewModel;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final MemoryChart chart;
    private final Label error = new Label();
    private final Label budgetLegend = new Label();
    private final Label deviceLegend = new Label();
    private final Label tempNote = new Label();
    private final ViewScope scope = new ViewScope();

    public ChartCard(ChartViewModel viewModel) {
        this.viewModel = viewModel;
        this.chart = new MemoryChart(viewModel);
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
        budgetLegend.setId("budgetLegend");
        deviceLegend.setId("deviceLegend");
        budgetLegend.setGraphic(legendLine(Styles.LEGEND_LINE_BUDGET));
        deviceLegend.setGraphic(legendLine(Styles.LEGEND_LINE_DEVICE));
        tempNote.getStyleClass().add(Styles.NOTE);
        tempNote.setId("tempNote");
        // the legend values never elide: the note after them moves to a line of its own where the row is too short
        budgetLegend.setMinWidth(Region.USE_PREF_SIZE);
        deviceLegend.setMinWidth(Region.USE_PREF_SIZE);
        tempNote.setWrapText(true);
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
        FlowPane legend = new FlowPane(16, 2, budgetLegend, deviceLegend, tempNote);
        legend.setAlignment(Pos.CENTER_LEFT);
        tempNote.maxWidthProperty().bind(legend.widthProperty());
        StackPane plot = new StackPane(chart, error);
        StackPane.setAlignment(error, Pos.CENTER);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(title, subtitle, plot, legend);
        setSpacing(4);
    }

    private void bindToViewModel() {
        scope.bind(title.textProperty(), viewModel.text("chart.title"));
        scope.bind(subtitle.textProperty(), viewModel.subtitleProperty());
        scope.bind(budgetLegend.textProperty(), viewModel.budgetLegendProperty());
        scope.bind(deviceLegend.textProperty(), viewModel.deviceLegendProperty());
        scope.bind(tempNote.textProperty(), viewModel.tempNoteProperty());
        scope.bind(error.textProperty(), viewModel.errorProperty());
        scope.subscribe(viewModel.chartProperty(), chart::update);
        scope.subscribe(error.textProperty(), text -> {
            error.setVisible(!text.isEmpty());
            chart.setVisible(text.isEmpty());
        });
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

    public MemoryChart chart() {
        return chart;
    }
}
