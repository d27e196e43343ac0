package dev.kvlens.ui.chart;

import dev.kvlens.text.Glossary;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The chart segments' tooltips and clicks, one per segment and bar: a tooltip is worded when it shows (a drag would
 * otherwise format fifteen texts per step), and a click explains the segment's term in the glossary.
 */
final class SegmentTips {

    private final ChartViewModel vm;
    private final List<Tooltip> tips = new ArrayList<>();
    private Consumer<Glossary> onExplain = term -> { };

    SegmentTips(ChartViewModel vm) {
        this.vm = vm;
    }

    /** A new data point of {@code segment} in {@code category}, its node wired when the chart makes it. */
    XYChart.Data<String, Number> add(String category, Segment segment, Supplier<MemoryBar> bar) {
        XYChart.Data<String, Number> data = new XYChart.Data<>(category, 0);
        Tooltip tip = new Tooltip();
        tip.setOnShowing(e -> tip.setText(vm.tooltipText(bar.get(), segment, bar.get().bytes(segment))));
        tips.add(tip);
        data.nodeProperty().subscribe(node -> {
            if (node != null) {
                Tooltip.install(node, tip);
                node.setOnMouseClicked(e -> onExplain.accept(segment.glossary()));
                node.setCursor(Cursor.HAND);
                node.setAccessibleRole(AccessibleRole.TEXT);
            }
        });
        return data;
    }

    /** The tooltip of the {@code index}-th data point added since the last {@link #clear()}. */
    Tooltip get(int index) {
        return tips.get(index);
    }

    void clear() {
        tips.clear();
    }

    void setOnExplain(Consumer<Glossary> action) {
        onExplain = action;
    }
}
