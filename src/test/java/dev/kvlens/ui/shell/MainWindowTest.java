package dev.kvlens.ui.shell;

import dev.kvlens.ui.chart.ChartImages;
import dev.kvlens.ui.chart.MemoryChart;
import dev.kvlens.ui.common.CjkFont;
import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Styles;
import dev.kvlens.model.EngineMode;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.chart.Segment;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real main window, headless: sliders, fields, language switch and PNG export. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class MainWindowTest {

    private EstimatorViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        WindowFixture window = WindowFixture.show(stage);
        vm = window.viewModel();
        view = window.view();
    }

    @AfterEach
    void backToEnglish() {
        WindowFixture.reset();
    }

    private MemoryChart chart() {
        return view.chartCard().chart();
    }

    @Test
    void draggingTheBatchSliderChangesLocalBatchAndItsBar(FxRobot robot) {
        double auxBefore = chart().valueGib(Segment.KV_AUX, 1);
        assertThat(chart().annotationTexts().get(1)).isEqualTo("B 4 · T 8192 · P 8192");
        robot.drag("#batchSlider .thumb").dropBy(120, 0);
        WaitForAsyncUtils.waitForFxEvents();
        int batch = vm.batchSizeProperty().get();
        assertThat(batch).isGreaterThan(4);
        assertThat(chart().annotationTexts().get(1)).startsWith("B " + batch + " ·");
        assertThat(chart().valueGib(Segment.KV_AUX, 1)).isGreaterThan(auxBefore);
        assertThat(robot.lookup("#batchField").queryTextInputControl().getText()).isEqualTo(Integer.toString(batch));
    }

    @Test
    void typingIntoAFieldSetsAnyValueAndTheSliderFollows(FxRobot robot) {
        robot.clickOn("#modeServer");
        robot.doubleClickOn("#contextField").eraseText(8).write("1000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.contextLengthProperty().get()).isEqualTo(1000);
        assertThat(vm.modeProperty().get()).isEqualTo(EngineMode.SERVER);
        // server: T = min(Tmax 105,511 (rules §7), 128 × 1000) on the default RTX 4090, P = the model's 8192 (§3.5 step 6);
        // local: T = min(Tmax, 1000, 8192) and P = min(8192, T, 1000)
        assertThat(chart().annotationTexts().get(3)).isEqualTo("B 128 · T 105511 · P 8192");
        assertThat(chart().annotationTexts().get(1)).isEqualTo("B 4 · T 1000 · P 1000");
        Slider slider = robot.lookup("#contextSlider").queryAs(Slider.class);
        assertThat(slider.getValue()).isGreaterThan(0);
        robot.doubleClickOn("#contextField").eraseText(8).write("lots").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.contextLengthProperty().get()).isEqualTo(1000);
        assertThat(robot.lookup("#contextField").queryTextInputControl().getStyleClass()).contains(Styles.FIELD_INVALID);
    }

    @Test
    void aTypedUtilizationMovesTheSliderThere(FxRobot robot) {
        robot.doubleClickOn("#utilizationField").eraseText(6).write("0.2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.gpuMemoryUtilizationProperty().get()).isEqualTo(0.2);
        assertThat(robot.lookup("#utilizationSlider").queryAs(Slider.class).getValue()).isEqualTo(0.2);
        robot.doubleClickOn("#utilizationField").eraseText(6).write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.gpuMemoryUtilizationProperty().get()).isEqualTo(0.2);
        assertThat(robot.lookup("#utilizationField").queryTextInputControl().getStyleClass()).contains(Styles.FIELD_INVALID);
    }

    @Test
    void arrowKeysStepASliderThroughItsStops(FxRobot robot) {
        robot.clickOn("#capacitySlider");
        robot.push(KeyCode.HOME).push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.kvCapacityProperty().get()).isEqualTo(1024);
        robot.push(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.kvCapacityProperty().get()).isEqualTo(8192);
    }

    @Test
    void switchingLanguageShowsChineseLabels(FxRobot robot) {
        // View ▸ Language ▸ 简体中文, with the mouse on the menu bar and the keyboard inside the menu
        clickShowing(robot, "View");
        robot.type(KeyCode.DOWN).type(KeyCode.RIGHT).type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(I18n.locale()).isEqualTo(I18n.CHINESE);
        assertThat(robot.lookup(".knob-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("批大小", "上下文长度", "预填充块大小");
        assertThat(robot.lookup("#chartTitle").queryAs(Label.class).getText()).isEqualTo("显存：编译报告 vs. 运行时估算");
        assertThat(robot.lookup("#batchField").queryTextInputControl().getPromptText()).isEqualTo("自动");
        // an installed CJK family is named explicitly (JavaFX's fallback skips the Noto CJK collections)
        CjkFont.styleClass().ifPresent(cls -> assertThat(view.getStyleClass()).contains(cls));
    }

    @Test
    void exportingWritesACrispPngAtTwiceTheSize(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(ChartImages.defaultFileName(vm));
        assertThat(file.getFileName().toString()).isEqualTo("kvlens-llama-3-8b-q4f16_1-rtx-4090.png");
        robot.interact(() -> view.exportPngTo(file, 2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * ChartImages.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(2 * ChartImages.DEFAULT_HEIGHT);
        assertThat(Files.size(file)).isGreaterThan(30_000);
        assertThat(distinctColours(image)).isGreaterThan(50); // a real chart, not a blank canvas
    }

    @Test
    void exportingToAnUnwritablePlaceKeepsTheScenario(FxRobot robot, @TempDir Path dir) {
        robot.interact(() -> vm.batchSizeProperty().set(32));
        Path nowhere = dir.resolve("missing-folder").resolve("chart.png");
        robot.interact(() -> view.exportPngTo(nowhere, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.exists(nowhere)).isFalse();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(32);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isPresent();
    }

    @Test
    void importingACompileLogMakesTheTemporaryBufferExact(FxRobot robot, @TempDir Path dir) throws Exception {
        Label note = robot.lookup("#tempNote").queryAs(Label.class);
        assertThat(note.getText()).contains("approx");
        Path log = dir.resolve("compile.log");
        Files.writeString(log, "[2024-06-06 11:51:58] INFO model_metadata.py:95: Total memory usage without KV cache:: "
                + "5556.13 MB (Parameters: 4308.13 MB. Temporary buffer: 1248.00 MB)\n");
        view.importFile(log).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.getText()).contains("exact").contains("compile.log");
        assertThat(vm.givenTempFuncBytesProperty().get().bytes()).isEqualTo(1248L * 1024 * 1024);
    }

    @Test
    void aMalformedFileShowsAReadableErrorAndKeepsTheChart(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> vm.batchSizeProperty().set(16));
        String before = chart().annotationTexts().get(1);
        Path broken = dir.resolve("mlc-chat-config.json");
        Files.writeString(broken, "{\"model_type\": \"llama\", \"model_config\": {\"num_hidden_layers\": ");
        view.importFile(broken).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getContentText()).startsWith("mlc-chat-config.json: is not valid JSON at line 1");
        assertThat(dialog.getContentText()).doesNotContain("Exception");
        assertThat(chart().annotationTexts().get(1)).isEqualTo(before);
        assertThat(vm.batchSizeProperty().get()).isEqualTo(16);
    }

    @Test
    void aRuntimeLogOpensTheOverlayWithZeroDifferences(FxRobot robot, @TempDir Path dir) throws Exception {
        // BentoMLC: Llama-3-8B q4f16_1; the server line reveals prefill 1024 and max batch 80
        Path log = dir.resolve("serve.log");
        Files.writeString(log, dev.kvlens.TestScenarios.publishedText("bentomlc-llama3-8b-local"));
        view.importFile(log).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("importTab");
        robot.clickOn("#adoptDeviceButton");
        WaitForAsyncUtils.waitForFxEvents();
        Label verdict = robot.lookup("#comparisonVerdict").queryAs(Label.class);
        assertThat(verdict.getText()).isEqualTo("All 14 quantities match what MLC printed.");
    }

    @Test
    void savingAndReopeningAScenarioRestoresIt(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            vm.batchSizeProperty().set(48);
            vm.modeProperty().set(EngineMode.SERVER);
        });
        Path file = dir.resolve("mine.kvlens.json");
        view.saveScenarioTo(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            vm.batchSizeProperty().set(0);
            vm.modeProperty().set(EngineMode.LOCAL);
        });
        view.importFile(file).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.batchSizeProperty().get()).isEqualTo(48);
        assertThat(vm.modeProperty().get()).isEqualTo(EngineMode.SERVER);
    }

    /** Clicks the node with this text in a window that is showing (earlier tests leave hidden menu popups). */
    private static void clickShowing(FxRobot robot, String text) {
        javafx.scene.Node node = robot.lookup(text).match((javafx.scene.Node n) -> n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).query();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
