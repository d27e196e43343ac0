package dev.kvlens.ui.explore;

import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.explore.map.CapacityMapView;
import dev.kvlens.ui.explore.waterfall.WaterfallView;
import dev.kvlens.ui.log.LogPane;
import dev.kvlens.ui.shell.MainView;
import dev.kvlens.ui.shell.WindowFixture;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The trade-off views on the real window: the capacity map drives the sliders, A/B shows deltas. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class ExplorationViewsTest {

    private EstimatorViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        WindowFixture window = WindowFixture.show(stage);
        vm = window.viewModel();
        view = window.view();
    }

    @Test
    void theLogShowsTheFirstChangeAtOnceAndTheLastAfterADrag(FxRobot robot) throws Exception {
        javafx.scene.control.TextArea log = view.logPane().textArea();
        robot.interact(() -> vm.batchSizeProperty().set(3));
        assertThat(log.getText()).isEqualTo(vm.logTextProperty().getValue()).contains("max batch size 3 ");
        // a drag: steps faster than the log's quiet interval; the log shows the value the slider rests on
        java.util.concurrent.CountDownLatch rested = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> log.textProperty().addListener((o, before, now) -> {
            if (now.contains("max batch size 40 ")) {
                rested.countDown();
            }
        }));
        for (int batch = 4; batch <= 40; batch++) {
            int value = batch;
            robot.interact(() -> vm.batchSizeProperty().set(value));
        }
        // the quiet interval passes on the FX thread's clock; a bound, not a wait: it fails if the log never rests
        assertThat(rested.await(20 * (long) LogPane.QUIET.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("the log shows the last value after the drag").isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(log.getText()).isEqualTo(vm.logTextProperty().getValue()).contains("max batch size 40 ");
    }

    @Test
    void clickingAHeatmapCellMovesTheSliders(FxRobot robot) {
        robot.clickOn("#mapTab");
        WaitForAsyncUtils.waitForFxEvents();
        CapacityMapView map = robot.lookup("#capacityMapView").queryAs(CapacityMapView.class);
        int x = 20;
        int y = 10;
        double[] center = map.cellCenter(x, y);
        robot.clickOn(map.canvas().localToScreen(center[0], center[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(map.map().orElseThrow().batches()[x]);
        assertThat(vm.contextLengthProperty().get()).isEqualTo(map.map().orElseThrow().contexts()[y]);
        assertThat(robot.lookup("#batchField").queryTextInputControl().getText())
                .isEqualTo(Integer.toString(map.map().orElseThrow().batches()[x]));
    }

    @Test
    void pinningAThenChangingQuantizationShowsDeltas(FxRobot robot) {
        robot.clickOn("#compareTab");
        robot.clickOn("#pinButton");
        robot.interact(() -> vm.quantizationProperty().set(Quantization.require("q0f16")));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<dev.kvlens.ui.explore.compare.CompareViewModel.Row> table =
                robot.lookup("#compareTable").queryAs(TableView.class);
        assertThat(table.getItems().get(0).quantity()).isEqualTo("parameters");
        var parameters = table.getItems().get(0).delta();
        // q4f16_1 4,517,404,672 B → q0f16 16,060,522,496 B (rules §7; BentoMLC's 15316.51 MB)
        assertThat(parameters.aBytes()).isEqualTo(4_517_404_672.0);
        assertThat(parameters.bBytes()).isEqualTo(16_060_522_496.0);
        assertThat(parameters.differenceBytes()).isPositive();
        assertThat(parameters.percent()).isGreaterThan(200);
    }

    @Test
    void anMlaModelsPhysicalSummarySaysItAllocatesLessThanTheEstimate(FxRobot robot) {
        robot.interact(() -> {
            vm.modelProperty().set(vm.models().stream().filter(m -> m.id().equals("deepseek-v2-lite")).findFirst()
                    .orElseThrow());
            vm.modeProperty().set(dev.kvlens.model.EngineMode.SERVER);
        });
        robot.clickOn("#waterfallTab");
        WaitForAsyncUtils.waitForFxEvents();

        // rules §3.8–§3.9: the latent page holds one [16, d] entry where the estimate counts K and V, so the pages
        // are half the estimate; that outweighs FlashInfer's extra workspace and the sentence must say "less"
        String summary = robot.lookup("#physicalSummary").queryLabeled().getText();
        assertThat(summary).contains("MiB less than MLC's estimate").doesNotContain("— -");
    }

    @Test
    void reverseSolveButtonsSetTheSliders(FxRobot robot) {
        robot.interact(() -> vm.modeProperty().set(dev.kvlens.model.EngineMode.SERVER));
        robot.interact(() -> vm.batchSizeProperty().set(64));
        robot.interact(() -> robot.lookup("#solveContextButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        int context = vm.contextLengthProperty().get();
        // server, 64 sequences on an RTX 4090: T = min(Tmax(64), 64·L) holds 64·L up to Tmax(64) = 106,525 (rules §7
        // pieces): L = 1664
        assertThat(context).isEqualTo(1664);
        assertThat(dev.kvlens.model.explore.ReverseSolver.fits(vm.scenario(), dev.kvlens.model.explore.Workload.of(64, context))).isTrue();
        assertThat(dev.kvlens.model.explore.ReverseSolver.fits(vm.scenario(), dev.kvlens.model.explore.Workload.of(64, context + 1)))
                .isFalse();
    }

    @Test
    void theMapCanSitBesideTheChartAndCatchesUpWhenShownAgain(FxRobot robot) {
        robot.clickOn("#memoryTab");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.M)
                .release(javafx.scene.input.KeyCode.M, javafx.scene.input.KeyCode.CONTROL); // View ▸ map beside
        WaitForAsyncUtils.waitForFxEvents();
        CapacityMapView map = robot.lookup("#capacityMapView").queryAs(CapacityMapView.class);
        assertThat(map.getScene()).isNotNull();
        assertThat(robot.lookup("#memoryChart").query().isVisible()).isTrue();
        assertThat(map.localToScene(0, 0).getX())
                .isGreaterThan(robot.lookup("#memoryChart").query().localToScene(0, 0).getX());
        long before = map.map().orElseThrow().capacity()[0];

        robot.interact(() -> view.mapBesideChartProperty().set(false)); // back in its tab, which is not selected
        robot.interact(() -> vm.gpuMemoryUtilizationProperty().set(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.map().orElseThrow().capacity()[0]).as("a hidden map is not recomputed").isEqualTo(before);

        robot.interact(() -> view.tabs().getSelectionModel().select(1)); // the Capacity map tab
        long shown = map.map().orElseThrow().capacity()[0];
        assertThat(shown).isLessThan(before)
                .isEqualTo(dev.kvlens.model.explore.CapacityMap.capacityAt(vm.scenario(), map.map().orElseThrow().batches()[0]));
    }

    @Test
    void theWaterfallComesBackAfterTheSelectedModeStopsFittingAndFitsAgain(FxRobot robot) {
        robot.clickOn("#waterfallTab");
        WaitForAsyncUtils.waitForFxEvents();
        WaterfallView waterfall = robot.lookup("#waterfallView").queryAs(WaterfallView.class);
        double fitting = waterfall.totalGib();
        assertThat(fitting).isPositive();
        var preset = vm.deviceProperty().get();
        robot.interact(() -> { // 2 GiB: Llama-3-8B's 4.5 GB of parameters alone do not fit (rules §7)
            vm.customDeviceBytesProperty().set(2L << 30);
            vm.deviceProperty().set(vm.devices().get(vm.devices().size() - 1));
        });
        assertThat(vm.result().estimate().orElseThrow().selected().fits()).isFalse();
        assertThat(waterfall.totalGib()).isZero();
        robot.interact(() -> vm.deviceProperty().set(preset));
        assertThat(waterfall.totalGib()).isEqualTo(fitting);
    }

    @Test
    void canvasLabelsUseTheChineseCapableFamilyInChinese(FxRobot robot) {
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        try {
            javafx.scene.text.Font font = CjkFont.font(11);
            if (CjkFont.styleClass().isPresent()) { // a CJK family is installed: canvas text must use it
                assertThat(javafx.scene.text.Font.getFamilies()).contains(font.getFamily());
                assertThat(font.getFamily()).isNotEqualTo(javafx.scene.text.Font.getDefault().getFamily());
            } else {
                assertThat(font.getFamily()).isEqualTo(javafx.scene.text.Font.getDefault().getFamily());
            }
        } finally {
            robot.interact(() -> I18n.setLocale(I18n.ENGLISH));
        }
        assertThat(CjkFont.font(11).getFamily()).isEqualTo(javafx.scene.text.Font.getDefault().getFamily());
    }
}
