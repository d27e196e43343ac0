package dev.kvlens.ui.explore.waterfall;

import dev.kvlens.ui.common.Styles;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * From "mlc_llm compile" to "Estimated total single GPU memory usage" for the selected mode, one step per
 * term with its formula; below, what the runtime physically allocates where it differs from the estimate.
 * Bars and texts come from {@link WaterfallViewModel}.
 */
public final class WaterfallView extends VBox {

    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final XYChart.Series<String, Number> base = new XYChart.Series<>();
    private final XYChart.Series<String, Number> step = new XYChart.Series<>();
    private final Label title = new Label();
    private final Label physicalTitle = new Label();
    private final Label physical = new Label();
    private final Label warnings = new Label();
    private final List<Tooltip> tips = new ArrayList<>();
    private List<String> shownNames = List.of();
    /** Held here: a derived condition (such as {@code a.or(b)}) is observed only weakly by its inputs. */
    private final ObservableValue<Boolean> showing;

    /** @param showing whether the view is on screen; it follows the sliders only then (and catches up on showing) */
    public WaterfallView(WaterfallViewModel vm, ObservableValue<Boolean> showing) {
        this.showing = showing;
        initializeParts();
        layoutParts();
        bindToViewModel(vm);
    }

    private void initializeParts() {
        setId("waterfallView");
        getStyleClass().add(Styles.CHART_CARD);
        setSpacing(6);
        setPadding(new Insets(12));
        title.getStyleClass().add(Styles.CHART_TITLE);
        chart.setId("waterfallChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(18);
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        chart.getData().addAll(List.of(base, step));
        chart.getStyleClass().add("waterfall");
        physicalTitle.getStyleClass().add("help-heading");
        physical.setId("physicalSummary");
        physical.setWrapText(true);
        warnings.getStyleClass().add(Styles.NOTE);
        warnings.setWrapText(true);
        // the chart gives up height first: these texts are shown whole, never elided
        physical.setMinHeight(Region.USE_PREF_SIZE);
        warnings.setMinHeight(Region.USE_PREF_SIZE);
    }

    private void layoutParts() {
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, chart, physicalTitle, physical, warnings);
    }

    private void bindToViewModel(WaterfallViewModel vm) {
        title.textProperty().bind(vm.text("waterfall.title"));
        ((NumberAxis) chart.getYAxis()).labelProperty().bind(vm.text("chart.axis"));
        physicalTitle.textProperty().bind(vm.text("physical.title"));
        vm.barsProperty().when(showing).subscribe(this::show);
        physical.textProperty().bind(vm.physicalTextProperty().when(showing));
        warnings.textProperty().bind(vm.warningsTextProperty().when(showing));
    }

    private void show(List<WaterfallViewModel.Bar> bars) {
        List<String> names = bars.stream().map(WaterfallViewModel.Bar::name).toList();
        if (!names.equals(shownNames)) { // a new set of terms (or a new language): new categories and bars
            shownNames = names;
            rebuild(names);
        }
        for (int i = 0; i < bars.size(); i++) {
            WaterfallViewModel.Bar bar = bars.get(i);
            base.getData().get(i).setYValue(bar.baseGib());
            step.getData().get(i).setYValue(bar.stepGib());
            tips.get(i).setText(bar.tooltip());
        }
    }

    private void rebuild(List<String> names) {
        List<XYChart.Data<String, Number>> bases = new ArrayList<>();
        List<XYChart.Data<String, Number>> deltas = new ArrayList<>();
        for (String name : names) {
            bases.add(new XYChart.Data<>(name, 0));
            deltas.add(new XYChart.Data<>(name, 0));
        }
        if (!names.isEmpty()) {
            ((CategoryAxis) chart.getXAxis()).setCategories(FXCollections.observableArrayList(names));
        }
        base.getData().setAll(bases);
        step.getData().setAll(deltas);
        tips.clear();
        deltas.forEach(d -> tips.add(tooltipOn(d)));
    }

    /** One tooltip per bar, installed once when the bar's node appears; updates only change its text. */
    private static Tooltip tooltipOn(XYChart.Data<String, Number> data) {
        Tooltip tip = new Tooltip();
        data.nodeProperty().subscribe(node -> {
            if (node != null) {
                Tooltip.install(node, tip);
                node.accessibleTextProperty().unbind();
                node.accessibleTextProperty().bind(tip.textProperty());
            }
        });
        return tip;
    }

    /** The total shown by the last bar, in GiB (tests). */
    public double totalGib() {
        return step.getData().isEmpty() ? 0 : step.getData().get(step.getData().size() - 1).getYValue().doubleValue();
    }
}
