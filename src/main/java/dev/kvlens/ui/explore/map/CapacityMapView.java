package dev.kvlens.ui.explore.map;

import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.common.Theme;
import dev.kvlens.model.explore.CapacityMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Optional;

/**
 * Batch size (x) × context length (y), both on log scales: where B sequences of L tokens fit in MLC's memory
 * capacity, where it gets tight (&lt; 5 % left) and where they do not fit. The current slider point is marked;
 * clicking a cell moves the sliders there.
 */
public final class CapacityMapView extends VBox {

    static final Color FITS = Color.web("#009E73");
    static final Color TIGHT = Color.web("#E69F00");
    static final Color NO_FIT = Color.web("#D55E00");
    private static final double LEFT = 70;
    private static final double BOTTOM = 46;
    private static final double TOP = 10;
    private static final double RIGHT = 16;

    private final MapViewModel vm;
    private final javafx.beans.value.ObservableValue<String> xAxis;
    private final javafx.beans.value.ObservableValue<String> yAxis;
    private final Canvas canvas = new Canvas();
    private final javafx.scene.shape.Circle marker = new javafx.scene.shape.Circle(7);
    private final Pane holder = new Pane(canvas, marker);
    private final Label title = new Label();
    private final Tooltip hover = new Tooltip();
    private CapacityMap map;
    /** Held here: a derived condition (such as {@code a.or(b)}) is observed only weakly by its inputs. */
    private final javafx.beans.value.ObservableValue<Boolean> showing;

    /** @param showing whether the map is on screen; it is recomputed and redrawn only then (and on showing) */
    public CapacityMapView(MapViewModel viewModel, javafx.beans.value.ObservableValue<Boolean> showing) {
        this.showing = showing;
        this.vm = viewModel;
        this.xAxis = viewModel.text("map.xAxis");
        this.yAxis = viewModel.text("map.yAxis");
        setId("capacityMapView");
        getStyleClass().add(Styles.CHART_CARD);
        setSpacing(6);
        setPadding(new Insets(12));
        title.getStyleClass().add(Styles.CHART_TITLE);
        title.textProperty().bind(vm.text("map.title"));
        canvas.setId("capacityMapCanvas");
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        holder.setMinSize(300, 240);
        VBox.setVgrow(holder, Priority.ALWAYS);
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        Tooltip.install(canvas, hover);
        canvas.setOnMouseMoved(e -> cellAt(e.getX(), e.getY()).ifPresent(c -> hover.setText(describe(c[0], c[1]))));
        canvas.setOnMouseClicked(e -> cellAt(e.getX(), e.getY())
                .ifPresent(c -> vm.selectCell(map.batches()[c[0]], map.contexts()[c[1]])));
        getChildren().addAll(title, note(), holder, legend());
        marker.getStyleClass().add("map-marker");
        marker.setManaged(false);
        marker.setMouseTransparent(true);
        vm.capacityMapProperty().when(showing).subscribe(m -> {
            CapacityMap next = m.orElse(null);
            boolean sameCells = map != null && next != null && sameCells(map, next);
            map = next;
            if (sameCells) {
                placeMarker(); // a slider moved within the same map: only the marker moves (a tiny repaint)
            } else {
                draw();
            }
        });
        vm.languageProperty().subscribe(l -> draw());
    }

    private Label note() {
        Label note = new Label();
        note.getStyleClass().add(Styles.NOTE);
        note.setWrapText(true);
        note.textProperty().bind(vm.text("map.note"));
        return note;
    }

    private javafx.scene.layout.FlowPane legend() {
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(16, 4, swatch(FITS, "map.fits"),
                swatch(TIGHT, "map.tight"), swatch(NO_FIT, "map.noFit"), swatch(null, "map.current"));
        legend.setAlignment(Pos.CENTER_LEFT);
        return legend;
    }

    private Label swatch(Color color, String key) {
        Region box = new Region();
        box.setMinSize(14, 14);
        box.setMaxSize(14, 14);
        box.getStyleClass().add(color == null ? "map-current-swatch" : "map-swatch");
        if (color != null) {
            box.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(color, null, null)));
        }
        Label label = new Label();
        label.textProperty().bind(vm.text(key));
        label.setGraphic(box);
        return label;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (map == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        int nx = map.batches().length;
        int ny = map.contexts().length;
        double cw = (w - LEFT - RIGHT) / nx;
        double ch = (h - TOP - BOTTOM) / ny;
        javafx.scene.image.WritableImage cells = new javafx.scene.image.WritableImage(nx, ny);
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                cells.getPixelWriter().setColor(x, ny - 1 - y, switch (map.cells()[y][x]) {
                    case FITS -> FITS;
                    case TIGHT -> TIGHT;
                    case DOES_NOT_FIT -> NO_FIT;
                });
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(cells, LEFT, TOP, nx * cw, ny * ch);
        Color text = getScene() != null && getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS)
                ? Color.web("#e8eaed") : Color.web("#202124");
        g.setFill(text);
        g.setFont(CjkFont.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int x = 0; x < nx; x += Math.max(1, nx / 8)) {
            g.fillText(Integer.toString(map.batches()[x]), LEFT + (x + 0.5) * cw, h - BOTTOM + 4);
        }
        g.fillText(xAxis.getValue(), LEFT + (w - LEFT - RIGHT) / 2, h - BOTTOM + 22);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int y = 0; y < ny; y += Math.max(1, ny / 8)) {
            g.fillText(Integer.toString(map.contexts()[y]), LEFT - 6, h - BOTTOM - (y + 0.5) * ch);
        }
        g.save();
        g.translate(14, TOP + (h - TOP - BOTTOM) / 2);
        g.rotate(-90);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(yAxis.getValue(), 0, 0);
        g.restore();
        placeMarker();
    }

    private void placeMarker() {
        marker.setVisible(map != null && canvas.getWidth() >= LEFT + RIGHT + 10 && canvas.getHeight() >= TOP + BOTTOM + 10);
        if (!marker.isVisible()) {
            return;
        }
        double[] center = cellCenter(nearest(map.batches(), vm.currentBatch()), nearest(map.contexts(), vm.currentContext()));
        marker.setCenterX(center[0]);
        marker.setCenterY(center[1]);
    }

    private static boolean sameCells(CapacityMap a, CapacityMap b) {
        return java.util.Arrays.equals(a.batches(), b.batches()) && java.util.Arrays.equals(a.contexts(), b.contexts())
                && java.util.Arrays.equals(a.capacity(), b.capacity()) && java.util.Arrays.deepEquals(a.cells(), b.cells());
    }

    private Optional<int[]> cellAt(double px, double py) {
        if (map == null) {
            return Optional.empty();
        }
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        int nx = map.batches().length;
        int ny = map.contexts().length;
        int x = (int) Math.floor((px - LEFT) / ((w - LEFT - RIGHT) / nx));
        int y = (int) Math.floor((h - BOTTOM - py) / ((h - TOP - BOTTOM) / ny));
        return x >= 0 && x < nx && y >= 0 && y < ny ? Optional.of(new int[] {x, y}) : Optional.empty();
    }

    private String describe(int x, int y) {
        return vm.describe(map, x, y);
    }

    private static int nearest(int[] values, int v) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(Math.log(values[i]) - Math.log(Math.max(1, v))) < Math.abs(Math.log(values[best]) - Math.log(Math.max(1, v)))) {
                best = i;
            }
        }
        return best;
    }

    public Optional<CapacityMap> map() {
        return Optional.ofNullable(map);
    }

    /** The canvas position of a cell's centre (tests click it with the robot). */
    public double[] cellCenter(int x, int y) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double cw = (w - LEFT - RIGHT) / map.batches().length;
        double ch = (h - TOP - BOTTOM) / map.contexts().length;
        return new double[] {LEFT + (x + 0.5) * cw, h - BOTTOM - (y + 0.5) * ch};
    }

    public Canvas canvas() {
        return canvas;
    }
}
