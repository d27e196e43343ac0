package dev.kvlens.view;

import dev.kvlens.model.Mib;
import dev.kvlens.model.PhysicalAllocation;
import dev.kvlens.model.Waterfall;
import dev.kvlens.viewmodel.ExplorationViewModel;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * From "mlc_llm compile" to "Estimated total single GPU memory usage" for the selected mode, one step per
 * term with its formula; below, what the runtime physically allocates where it differs from the estimate.
 */
public final class WaterfallView extends VBox {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final XYChart.Series<String, Number> base = new XYChart.Series<>();
    private final XYChart.Series<String, Number> step = new XYChart.Series<>();
    private final Label physical = new Label();
    private final Label warnings = new Label();
    private List<Waterfall.Step> shown = List.of();

    public WaterfallView(ExplorationViewModel vm) {
        setId("waterfallView");
        getStyleClass().add(Styles.CHART_CARD);
        setSpacing(6);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add(Styles.CHART_TITLE);
        title.textProperty().bind(I18n.bind("waterfall.title"));
        chart.setId("waterfallChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(18);
        ((NumberAxis) chart.getYAxis()).labelProperty().bind(I18n.bind("chart.axis"));
        chart.getXAxis().setAnimated(false);
        chart.getYAxis().setAnimated(false);
        chart.getData().addAll(List.of(base, step));
        chart.getStyleClass().add("waterfall");
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label physicalTitle = new Label();
        physicalTitle.getStyleClass().add("help-heading");
        physicalTitle.textProperty().bind(I18n.bind("physical.title"));
        physical.setId("physicalSummary");
        physical.setWrapText(true);
        warnings.getStyleClass().add(Styles.NOTE);
        warnings.setWrapText(true);
        getChildren().addAll(title, chart, physicalTitle, physical, warnings);
        vm.waterfallProperty().subscribe(this::show);
        vm.physicalProperty().subscribe(this::showPhysical);
        I18n.localeProperty().subscribe(l -> {
            shown = List.of();
            show(vm.waterfallProperty().get());
            showPhysical(vm.physicalProperty().get());
        });
    }

    private void show(List<Waterfall.Step> steps) {
        if (steps.isEmpty()) {
            base.getData().clear();
            step.getData().clear();
            return;
        }
        boolean rebuild = shown.size() != steps.size();
        shown = steps;
        if (rebuild) {
            List<String> names = new ArrayList<>();
            List<XYChart.Data<String, Number>> bases = new ArrayList<>();
            List<XYChart.Data<String, Number>> deltas = new ArrayList<>();
            for (Waterfall.Step s : steps) {
                String name = I18n.get("waterfall." + s.kind().name());
                names.add(name);
                bases.add(new XYChart.Data<>(name, 0));
                deltas.add(new XYChart.Data<>(name, 0));
            }
            String total = I18n.get("waterfall.TOTAL");
            names.add(total);
            bases.add(new XYChart.Data<>(total, 0));
            deltas.add(new XYChart.Data<>(total, 0));
            ((CategoryAxis) chart.getXAxis()).setCategories(FXCollections.observableArrayList(names));
            base.getData().setAll(bases);
            step.getData().setAll(deltas);
        }
        for (int i = 0; i < steps.size(); i++) {
            Waterfall.Step s = steps.get(i);
            base.getData().get(i).setYValue((s.total() - s.bytes()) / GIB);
            step.getData().get(i).setYValue(s.bytes() / GIB);
            tooltip(step.getData().get(i), I18n.get("waterfall." + s.kind().name()) + ": +" + Mib.format(s.bytes(), 3)
                    + " MiB → " + Mib.format(s.total(), 3) + " MiB\n" + s.formula());
        }
        double total = steps.get(steps.size() - 1).total();
        base.getData().get(steps.size()).setYValue(0);
        step.getData().get(steps.size()).setYValue(total / GIB);
        tooltip(step.getData().get(steps.size()), I18n.get("waterfall.TOTAL") + ": " + Mib.format(total, 3) + " MiB");
    }

    private static void tooltip(XYChart.Data<String, Number> data, String text) {
        data.nodeProperty().subscribe(node -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(text));
                node.accessibleTextProperty().unbind();
                node.setAccessibleText(text);
            }
        });
        if (data.getNode() != null) {
            Tooltip.install(data.getNode(), new Tooltip(text));
        }
    }

    private void showPhysical(Optional<PhysicalAllocation> allocation) {
        physical.setText(allocation.map(p -> I18n.get("physical.summary", p.pages(), Mib.format(p.estimatedKvPagesBytes(), 1),
                Mib.format(p.physicalKvPagesBytes(), 1), Mib.format(p.estimatedWorkspaceBytes(), 0),
                Mib.format(p.physicalWorkspaceBytes(), 0), Mib.format(p.differenceBytes(), 1))).orElse(""));
        warnings.setText(allocation.map(p -> "• " + String.join("\n• ", p.warnings())).orElse(""));
    }

    /** The total shown by the last bar, in GiB (tests). */
    public double totalGib() {
        return step.getData().isEmpty() ? 0 : step.getData().get(step.getData().size() - 1).getYValue().doubleValue();
    }
}
