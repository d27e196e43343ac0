package dev.kvlens.view;

import dev.kvlens.model.Mib;
import dev.kvlens.model.PhysicalAllocation;
import dev.kvlens.model.Waterfall;
import dev.kvlens.viewmodel.ExplorationViewModel;
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
    private final List<Tooltip> tips = new ArrayList<>();
    private List<Waterfall.Step> shown = List.of();
    /** Held here: a derived condition (such as {@code a.or(b)}) is observed only weakly by its inputs. */
    private final ObservableValue<Boolean> showing;

    /** @param showing whether the view is on screen; it follows the sliders only then (and catches up on showing) */
    public WaterfallView(ExplorationViewModel vm, ObservableValue<Boolean> showing) {
        this.showing = showing;
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
        // the chart gives up height first: these texts are shown whole, never elided
        physical.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        warnings.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, chart, physicalTitle, physical, warnings);
        ObservableValue<List<Waterfall.Step>> steps = vm.waterfallProperty().when(showing);
        ObservableValue<Optional<PhysicalAllocation>> physicalNow = vm.physicalProperty().when(showing);
        steps.subscribe(this::show);
        physicalNow.subscribe(this::showPhysical);
        I18n.localeProperty().subscribe(l -> {
            shown = List.of();
            show(steps.getValue());
            showPhysical(physicalNow.getValue());
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
            tips.clear();
            deltas.forEach(d -> tips.add(tooltipOn(d)));
        }
        for (int i = 0; i < steps.size(); i++) {
            Waterfall.Step s = steps.get(i);
            base.getData().get(i).setYValue((s.total() - s.bytes()) / GIB);
            step.getData().get(i).setYValue(s.bytes() / GIB);
            tips.get(i).setText(I18n.get("waterfall." + s.kind().name()) + ": +"
                    + Mib.format(s.bytes(), 3) + " MiB → " + Mib.format(s.total(), 3) + " MiB\n" + s.formula());
        }
        double total = steps.get(steps.size() - 1).total();
        base.getData().get(steps.size()).setYValue(0);
        step.getData().get(steps.size()).setYValue(total / GIB);
        tips.get(steps.size()).setText(I18n.get("waterfall.TOTAL") + ": " + Mib.format(total, 3) + " MiB");
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

    private void showPhysical(Optional<PhysicalAllocation> allocation) {
        physical.setText(allocation.map(p -> I18n.get(p.differenceBytes() < 0 ? "physical.summaryLess" : "physical.summary",
                p.pages(), Mib.format(p.estimatedKvPagesBytes(), 1),
                Mib.format(p.physicalKvPagesBytes(), 1), Mib.format(p.estimatedWorkspaceBytes(), 0),
                Mib.format(p.physicalWorkspaceBytes(), 0), Mib.format(Math.abs(p.differenceBytes()), 1))
                + (p.rnnStateBytes() > 0 ? " " + I18n.get("physical.rnnState", Mib.format(p.rnnStateBytes(), 2),
                p.rnnStateSlots()) : "")
                + (p.draftWorkspaceBytes() > 0 ? " " + I18n.get("physical.draftWorkspace",
                Mib.format(p.draftWorkspaceBytes(), 1)) : "")).orElse(""));
        warnings.setText(allocation.map(p -> "• " + String.join("\n• ", p.warnings().stream()
                .map(w -> I18n.get("physical.warning." + w.name())).toList())).orElse(""));
    }

    /** The total shown by the last bar, in GiB (tests). */
    public double totalGib() {
        return step.getData().isEmpty() ? 0 : step.getData().get(step.getData().size() - 1).getYValue().doubleValue();
    }
}
