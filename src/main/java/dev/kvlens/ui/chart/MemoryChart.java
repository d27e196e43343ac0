package dev.kvlens.ui.chart;

import dev.kvlens.text.Glossary;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.ViewScope;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The stacked memory bars: the compile report, then local / interactive / server. Values update in place
 * (no series rebuilds, animation off); two horizontal markers show the usable budget and the device
 * memory; the selected mode gets a backdrop; each bar carries its B · T · P or "does not fit".
 */
public final class MemoryChart extends StackedBarChart<String, Number> {

    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    private final CategoryAxis categories;
    private final NumberAxis gib;
    private final List<XYChart.Series<String, Number>> series = new ArrayList<>();
    private final Line budgetLine = new Line();
    private final Line deviceLine = new Line();
    private final Region backdrop = new Region();
    private final javafx.scene.Group gridLines = new javafx.scene.Group();
    private final List<Label> annotations = new ArrayList<>();
    private ChartModel model;
    private Runnable onCompileBar = () -> { };
    private final ViewScope scope = new ViewScope();

    private final ChartViewModel vm;
    private final SegmentTips tooltips;

    public MemoryChart(ChartViewModel vm) {
        super(new CategoryAxis(), new NumberAxis());
        this.vm = vm;
        tooltips = new SegmentTips(vm);
        categories = (CategoryAxis) getXAxis();
        gib = (NumberAxis) getYAxis();
        initializeParts();
    }

    private void initializeParts() {
        setId("memoryChart");
        setAnimated(false);
        categories.setAnimated(false);
        categories.setAutoRanging(false); // the categories are set, not re-derived from the data on every change
        gib.setAnimated(false);
        gib.setAutoRanging(false);
        gib.setLowerBound(0);
        gib.setMinorTickVisible(false);
        gib.labelProperty().bind(vm.text("chart.axis"));
        setCategoryGap(36);
        // XYChart rebuilds its grid-line and row-fill paths on every layout, which repaints the whole plot on every
        // slider step; the chart draws its own horizontal lines instead, moved only when the axis changes
        setVerticalGridLinesVisible(false);
        setHorizontalGridLinesVisible(false);
        setAlternativeRowFillVisible(false);
        setAlternativeColumnFillVisible(false);
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        getPlotChildren().add(gridLines);
        for (Segment segment : Segment.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.nameProperty().bind(vm.text("segment." + segment.name()));
            series.add(s);
        }
        setData(FXCollections.observableArrayList(series));
        budgetLine.getStyleClass().add(Styles.BUDGET_LINE);
        deviceLine.getStyleClass().add(Styles.DEVICE_LINE);
        backdrop.getStyleClass().add(Styles.SELECTED_BAR_BACKDROP);
        backdrop.setManaged(false);
        backdrop.setMouseTransparent(true);
        getPlotChildren().add(0, backdrop);
        getPlotChildren().addAll(budgetLine, deviceLine);
        scope.subscribe(vm.languageProperty(), locale -> {
            ChartModel shown = model;
            model = null; // every name and text again, in the new language
            update(shown);
        });
    }

    /** Stops following the language (the chart is done). */
    public void dispose() {
        scope.dispose();
    }

    /** Shows a chart model; values change in place unless the set of bars changed. */
    public void update(ChartModel next) {
        if (next == null) { // the inputs cannot be estimated: no bars of an earlier scenario stay on screen
            setVisible(false);
            return;
        }
        setVisible(true);
        ChartModel previous = model;
        if (model == null || model.bars().size() != next.bars().size() || !sameModes(model.bars(), next.bars())) {
            rebuildCategories(next);
            previous = null;
        }
        model = next;
        for (int bar = 0; bar < next.bars().size(); bar++) {
            MemoryBar b = next.bars().get(bar);
            if (previous != null && previous.bars().get(bar).equals(b)) {
                continue; // while one slider moves most bars stay as they are: no texts to format again
            }
            for (Segment seg : Segment.values()) {
                double bytes = b.bytes(seg);
                XYChart.Data<String, Number> data = series.get(seg.ordinal()).getData().get(bar);
                data.setYValue(bytes / BYTES_PER_GIB);
                javafx.scene.Node node = data.getNode();
                if (node != null) {
                    // what a screen reader says: "server: KV cache 13.37 GiB" (the chart binds a generic text)
                    node.accessibleTextProperty().unbind();
                    node.setAccessibleText(vm.segmentText(b, seg, bytes));
                }
                Tooltip tip = tooltips.get(seg.ordinal() * next.bars().size() + bar);
                if (tip.isShowing()) { // otherwise written when it shows: a drag would format 15 texts per step
                    tip.setText(vm.tooltipText(b, seg, bytes));
                }
            }
            updateAnnotation(annotations.get(bar), b);
        }
        double top = AxisScale.niceUpperBound(next.maxBytes() / BYTES_PER_GIB);
        if (gib.getUpperBound() != top) {
            gib.setUpperBound(top);
            gib.setTickUnit(AxisScale.niceTick(top));
        }
        requestChartLayout();
    }

    private void updateAnnotation(Label note, MemoryBar b) {
        note.setText(vm.annotationText(b));
        if (b.fits()) { // style classes change only when the state flips: each change re-applies CSS
            note.getStyleClass().remove(Styles.BAR_ANNOTATION_FAIL);
        } else if (!note.getStyleClass().contains(Styles.BAR_ANNOTATION_FAIL)) {
            note.getStyleClass().add(Styles.BAR_ANNOTATION_FAIL);
        }
        note.setAccessibleText(vm.describedName(b) + ": " + note.getText());
        java.util.Optional<String> message = b.insufficientMemoryMessage();
        if (message.isEmpty()) {
            note.setTooltip(null);
        } else if (note.getTooltip() == null) {
            note.setTooltip(wrappedTooltip(message.get()));
        } else {
            note.getTooltip().setText(message.get());
        }
    }

    private void rebuildCategories(ChartModel next) {
        List<String> names = next.bars().stream().map(vm::categoryName).toList();
        categories.setCategories(FXCollections.observableArrayList(names));
        tooltips.clear();
        for (XYChart.Series<String, Number> s : series) {
            List<XYChart.Data<String, Number>> data = new ArrayList<>();
            Segment seg = Segment.values()[series.indexOf(s)];
            for (int bar = 0; bar < names.size(); bar++) {
                int index = bar;
                data.add(tooltips.add(names.get(bar), seg, () -> model.bars().get(index)));
            }
            s.getData().setAll(data);
        }
        getPlotChildren().removeAll(annotations);
        annotations.clear();
        for (int i = 0; i < names.size(); i++) {
            Label note = new Label();
            note.getStyleClass().add(Styles.BAR_ANNOTATION);
            note.setManaged(false);
            note.setWrapText(true);
            note.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            note.setAlignment(javafx.geometry.Pos.CENTER);
            if (next.bars().get(i).compileReport()) {
                note.getStyleClass().add("compile-annotation");
                note.setId("compileAnnotation");
                note.setOnMouseClicked(e -> onCompileBar.run());
            }
            annotations.add(note);
        }
        getPlotChildren().addAll(annotations);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (model == null) {
            return;
        }
        double width = getPlotChildren().isEmpty() ? 0 : categories.getWidth();
        placeGridLines(width);
        placeLine(budgetLine, model.budgetBytes(), width);
        placeLine(deviceLine, model.deviceBytes(), width);
        double slot = categories.getCategories().isEmpty() ? 0 : width / categories.getCategories().size();
        backdrop.setVisible(false);
        for (int bar = 0; bar < model.bars().size() && bar < categories.getCategories().size(); bar++) {
            MemoryBar b = model.bars().get(bar);
            double center = categories.getDisplayPosition(categories.getCategories().get(bar));
            double topY = gib.getDisplayPosition(b.totalBytes() / BYTES_PER_GIB);
            Label note = annotations.get(bar);
            // within its bar's slot: a narrow chart wraps the annotation instead of overlapping the neighbours
            double noteWidth = Math.min(note.prefWidth(-1), Math.max(40, slot - 6));
            note.resize(noteWidth, note.prefHeight(noteWidth));
            note.relocate(center - noteWidth / 2, Math.max(0, topY - note.getHeight() - 3));
            if (b.selected()) {
                backdrop.setVisible(true);
                backdrop.resizeRelocate(center - slot / 2 + 4, 0, Math.max(0, slot - 8), gib.getHeight());
            }
        }
    }

    /** One line per tick above zero; unchanged positions leave the lines, and the plot, unpainted. */
    private void placeGridLines(double width) {
        List<Double> ys = gib.getTickMarks().stream()
                .map(tick -> Math.round(gib.getDisplayPosition(tick.getValue())) + 0.5)
                .filter(y -> y < gib.getHeight() - 1)
                .toList();
        List<Node> lines = gridLines.getChildren();
        while (lines.size() > ys.size()) {
            lines.remove(lines.size() - 1);
        }
        while (lines.size() < ys.size()) {
            Line line = new Line();
            line.getStyleClass().add(Styles.GRID_LINE);
            lines.add(line);
        }
        for (int i = 0; i < ys.size(); i++) {
            Line line = (Line) lines.get(i);
            line.setStartX(0);
            line.setEndX(width);
            line.setStartY(ys.get(i));
            line.setEndY(ys.get(i));
        }
    }

    private void placeLine(Line line, double bytes, double width) {
        double y = Math.round(gib.getDisplayPosition(bytes / BYTES_PER_GIB)) + 0.5;
        line.setStartX(0);
        line.setEndX(width);
        line.setStartY(y);
        line.setEndY(y);
    }

    private static boolean sameModes(List<MemoryBar> a, List<MemoryBar> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).mode().equals(b.get(i).mode())) {
                return false;
            }
        }
        return true;
    }

    private static Tooltip wrappedTooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        return tip;
    }

    /** What a click does: on the compile-report bar's note (opens the explainer), on a segment (explains its term). */
    public void setActions(Runnable compileBar, Consumer<Glossary> explain) {
        onCompileBar = compileBar;
        tooltips.setOnExplain(explain);
    }

    /** The bar nodes of a segment (for tests and accessibility checks). */
    public List<Node> segmentNodes(Segment segment) {
        return series.get(segment.ordinal()).getData().stream().map(XYChart.Data::getNode).toList();
    }

    /** The current annotation texts, one per bar. */
    public List<String> annotationTexts() {
        return annotations.stream().map(Label::getText).toList();
    }

    /** The value (GiB) of one segment of one bar. */
    public double valueGib(Segment segment, int bar) {
        return series.get(segment.ordinal()).getData().get(bar).getYValue().doubleValue();
    }
}
