package dev.kvlens.bench;

import com.sun.javafx.scene.SceneHelper;
import dev.kvlens.app.KvLensApp;
import dev.kvlens.app.RenderingSettings;
import dev.kvlens.app.ViewModels;
import dev.kvlens.io.PngWriter;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.EngineMode;
import dev.kvlens.ui.chart.ChartImages;
import dev.kvlens.ui.shell.MainView;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * Drives the real main window (chart and capacity map side by side, as with View ▸ Capacity map beside the chart)
 * on Monocle: each step changes a slider's property in an animation pulse and ends when that pulse's frame has been
 * laid out, synchronised and rendered.
 */
final class InteractionBenchmark {

    /** Latencies of one slider's steps, in nanoseconds. */
    record Series(long[] nanos) {
        double p50Millis() {
            return percentile(0.50);
        }

        double p99Millis() {
            return percentile(0.99);
        }

        private double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p * sorted.length) - 1; // nearest rank
            return sorted[Math.max(0, rank)] / 1e6;
        }
    }

    /**
     * @param batchAfterExports the batch slider again after {@link #EXPORTS} PNG renders: an export that left its
     *                          card alive would make every later step recompute it
     */
    record Results(Series batch, Series context, Series batchAfterExports, double exportMillis,
                   double residentMegabytes) {
    }

    private static final int WARM_UP_STEPS = 300;
    /** PNG renders between the first batch series and the one after exports. */
    static final int EXPORTS = 100;

    private InteractionBenchmark() {
    }

    static Results run(int steps) throws Exception {
        RenderingSettings.apply();
        Platform.setImplicitExit(false);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        CompletableFuture<Window> shown = new CompletableFuture<>();
        Platform.runLater(() -> shown.complete(show()));
        Window window = shown.get(60, TimeUnit.SECONDS);
        EstimatorViewModel vm = window.viewModel();
        IntUnaryOperator batches = i -> 1 + triangle(i, 79);               // 1 … 80 sequences and back
        IntUnaryOperator contexts = i -> 1024 + 64 * triangle(i, 112);     // 1,024 … 8,192 tokens and back
        drive(window.scene(), vm.batchSizeProperty(), batches, WARM_UP_STEPS);
        if (System.getProperty("bench.noop") != null) { // profiling aid: the fixed cost of a frame that repaints one label
            IntegerProperty colour = new javafx.beans.property.SimpleIntegerProperty();
            javafx.scene.control.Label title = (javafx.scene.control.Label) window.scene().lookup("#chartTitle");
            colour.addListener((o, a, b) -> title.setTextFill(b.intValue() % 2 == 0 ? javafx.scene.paint.Color.BLACK
                    : javafx.scene.paint.Color.DARKBLUE));
            drive(window.scene(), colour, i -> i + 1, steps);
            if ("only".equals(System.getProperty("bench.noop"))) {
                System.exit(0);
            }
        }
        Series batch = drive(window.scene(), vm.batchSizeProperty(), batches, steps);
        double rss = residentMegabytes();
        if (System.getProperty("bench.shot") != null) { // profiling aid: with -Dprism.showdirty=true, shows what repaints
            onFx(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                            new javafx.scene.robot.Robot().getScreenCapture(null, 0, 0, 1360, 860), null), "png",
                            new java.io.File(System.getProperty("bench.shot")));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        onFx(() -> vm.batchSizeProperty().set(8));
        drive(window.scene(), vm.contextLengthProperty(), contexts, WARM_UP_STEPS);
        Series context = drive(window.scene(), vm.contextLengthProperty(), contexts, steps);
        rss = Math.max(rss, residentMegabytes());
        Series afterExports = afterExports(window.scene(), vm, batches, steps);
        double export = exportMillis(vm);
        Platform.exit();
        return new Results(batch, context, afterExports, export, rss);
    }

    private record Window(Scene scene, EstimatorViewModel viewModel) {
    }

    private static Window show() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        vm.modeProperty().set(EngineMode.SERVER);
        MainView view = KvLensApp.createView(vm, Runnable::run);
        view.mapBesideChartProperty().set(true);
        Scene scene = new Scene(view, 1360, 860);
        scene.getStylesheets().add(KvLensApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        // profiling aid: -Dbench.hide=log,#someId measures the window without those parts
        for (String id : System.getProperty("bench.hide", "").split(",")) {
            if (!id.isEmpty()) {
                (id.equals("log") ? view.logPane().textArea() : scene.lookup(id)).setOpacity(0);
            }
        }
        return new Window(scene, vm);
    }

    private static int triangle(int i, int span) {
        int phase = i % (2 * span);
        return phase <= span ? phase : 2 * span - phase;
    }

    /**
     * One step per pulse: the animation phase changes the slider's property (t0); the same pulse runs CSS and
     * layout and hands the frame to the renderer; a task queued behind that pulse waits until the renderer has
     * finished the frame and reads t1. The idle time until the next pulse is not counted.
     */
    private static Series drive(Scene scene, IntegerProperty slider, IntUnaryOperator values, int steps)
            throws Exception {
        long[] nanos = new long[steps];
        long[] setNanos = new long[steps];
        long[] layoutNanos = new long[steps];
        long[] queuedNanos = new long[steps];
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] step = {0};
        long[] start = {-1};
        Runnable afterLayout = () -> {
            if (start[0] < 0) {
                return;
            }
            long t0 = start[0];
            int index = step[0]++;
            start[0] = -1;
            layoutNanos[index] = System.nanoTime() - t0;
            Platform.runLater(() -> {
                queuedNanos[index] = System.nanoTime() - t0;
                SceneHelper.getPeer(scene).waitForRenderingToComplete();
                nanos[index] = System.nanoTime() - t0;
                if (index == steps - 1) {
                    done.complete(null);
                }
            });
        };
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (step[0] < steps && start[0] < 0) {
                    start[0] = System.nanoTime();
                    slider.set(values.applyAsInt(step[0]));
                    setNanos[step[0]] = System.nanoTime() - start[0];
                }
            }
        };
        onFx(() -> {
            scene.addPostLayoutPulseListener(afterLayout);
            timer.start();
        });
        done.get(10, TimeUnit.MINUTES);
        onFx(() -> {
            timer.stop();
            scene.removePostLayoutPulseListener(afterLayout);
        });
        if (Boolean.getBoolean("bench.breakdown")) { // profiling aid: where a step's time goes
            System.out.printf("breakdown p50: set %.3f ms, to post-layout %.3f ms, to the queued task %.3f ms, total %.3f ms%n",
                    new Series(setNanos).p50Millis(), new Series(layoutNanos).p50Millis(),
                    new Series(queuedNanos).p50Millis(), new Series(nanos).p50Millis());
        }
        return new Series(nanos);
    }

    /** The batch slider's steps after {@link #EXPORTS} PNG renders of the chart card (as File ▸ Export does). */
    private static Series afterExports(Scene scene, EstimatorViewModel vm, IntUnaryOperator batches, int steps)
            throws Exception {
        onFx(() -> vm.contextLengthProperty().set(0)); // as in the first batch series
        dev.kvlens.ui.chart.ChartViewModel chart = new dev.kvlens.ui.chart.ChartViewModel(vm);
        for (int i = 0; i < EXPORTS; i++) {
            onFx(() -> ChartImages.render(chart, ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, 2.0));
        }
        drive(scene, vm.batchSizeProperty(), batches, WARM_UP_STEPS);
        return drive(scene, vm.batchSizeProperty(), batches, steps);
    }

    private static double exportMillis(EstimatorViewModel vm) throws Exception {
        Path file = Files.createTempFile("kvlens-bench", ".png");
        try {
            double[] millis = new double[13];
            for (int i = 0; i < millis.length; i++) {
                CompletableFuture<Double> one = new CompletableFuture<>();
                Platform.runLater(() -> {
                    long start = System.nanoTime();
                    try {
                        PngWriter.write(ChartImages.toBufferedImage(ChartImages.render(new dev.kvlens.ui.chart.ChartViewModel(vm),
                                ChartImages.DEFAULT_WIDTH, ChartImages.DEFAULT_HEIGHT, 2.0)), file);
                        one.complete((System.nanoTime() - start) / 1e6);
                    } catch (IOException | RuntimeException e) {
                        one.completeExceptionally(e);
                    }
                });
                millis[i] = one.get(1, TimeUnit.MINUTES);
            }
            double[] measured = Arrays.copyOfRange(millis, 3, millis.length); // after 3 warm-up exports
            Arrays.sort(measured);
            return measured[measured.length / 2];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            action.run();
            done.complete(null);
        });
        done.get(1, TimeUnit.MINUTES);
    }

    /** VmRSS of this process, in MB (Linux; NaN elsewhere, which fails the target rather than passing it). */
    static double residentMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToDouble(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0)
                    .findFirst().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
