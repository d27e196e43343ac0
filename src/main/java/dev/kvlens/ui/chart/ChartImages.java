package dev.kvlens.ui.chart;

import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Renders the chart card offscreen at a fixed size and scale, for PNG export and the clipboard. The GUI
 * and {@code kvlens export-png} both come through here, so there is one renderer.
 */
public final class ChartImages {

    /** Logical size of an exported chart (pixels at 1×). */
    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 720;

    private ChartImages() {
    }

    /** Snapshots a fresh chart card for the view model's current scenario. Must run on the FX thread. */
    public static WritableImage render(ChartViewModel viewModel, int width, int height, double scale) {
        return render(new ChartCard(viewModel), width, height, scale);
    }

    /** Snapshots a card and disposes it: nothing keeps an exported card alive (tests hold it weakly). */
    static WritableImage render(ChartCard card, int width, int height, double scale) {
        try {
            return snapshot(card, width, height, scale);
        } finally {
            card.dispose();
        }
    }

    private static WritableImage snapshot(ChartCard card, int width, int height, double scale) {
        card.getStyleClass().add("export");
        card.followCjkFont();
        card.setPrefSize(width, height);
        card.setMinSize(width, height);
        card.setMaxSize(width, height);
        Scene scene = new Scene(new Group(card), width, height, Color.WHITE);
        scene.getStylesheets().add(ChartImages.class.getResource(Styles.STYLESHEET).toExternalForm());
        card.applyCss();
        card.layout();
        card.chart().layout();
        card.applyCss();
        card.layout();
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(Transform.scale(scale, scale));
        WritableImage image = new WritableImage((int) Math.round(width * scale), (int) Math.round(height * scale));
        return card.snapshot(params, image);
    }

    /**
     * The same image as an opaque AWT image for ImageIO (the chart is drawn on white). Copying the pixels straight
     * into an RGB raster avoids the premultiplied-alpha round trip of {@code SwingFXUtils}, a third of the export.
     */
    public static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((java.awt.image.DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                pixels, 0, width);
        return rgb;
    }

    /** A default file name: kvlens-llama-3-8b-q4f16_1-rtx-4090.png. */
    public static String defaultFileName(EstimatorViewModel viewModel) {
        String model = viewModel.modelProperty().get().id();
        String scheme = viewModel.quantizationProperty().get().name();
        String device = viewModel.deviceProperty().get().id();
        String name = "kvlens-" + model + "-" + scheme + "-" + device;
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + ".png";
    }
}
