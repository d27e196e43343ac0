package dev.kvlens.ui.shell;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.common.Theme;
import dev.kvlens.ui.help.HelpView;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.chart.Segment;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Themes keep the chart legible, the keyboard reaches everything up to a PNG, help opens in both languages. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class ThemeKeyboardHelpTest {

    @TempDir
    static Path exports;

    private EstimatorViewModel vm;
    private MainView view;

    /** File dialogs that answer at once, as a user typing a name would. */
    private static final FileDialogs SCRIPTED = new FileDialogs() {
        @Override
        public Optional<Path> save(Window owner, String title, String initialName, Path directory,
                                   FileChooser.ExtensionFilter filter) {
            return Optional.of(exports.resolve(initialName));
        }

        @Override
        public List<Path> open(Window owner, String title, Path directory, List<FileChooser.ExtensionFilter> filters) {
            return List.of();
        }
    };

    @Start
    void start(Stage stage) {
        WindowFixture window = WindowFixture.show(stage, SCRIPTED, WindowFixture.HEIGHT);
        vm = window.viewModel();
        view = window.view();
    }

    @AfterEach
    void reset() {
        WindowFixture.reset();
    }

    private Set<Paint> seriesFills() {
        Set<Paint> fills = new HashSet<>();
        for (Segment segment : Segment.values()) {
            Node bar = view.chartCard().chart().segmentNodes(segment).get(1);
            fills.add(((Region) bar).getBackground().getFills().get(0).getFill());
        }
        return fills;
    }

    @Test
    void bothThemesKeepFiveDistinctSeriesColours(FxRobot robot) {
        assertThat(seriesFills()).hasSize(Segment.values().length);
        robot.interact(() -> Theme.CHOICE.set(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.getStyleClass()).contains(Theme.DARK_CLASS);
        assertThat(seriesFills()).hasSize(Segment.values().length);
        Label title = robot.lookup("#chartTitle").queryAs(Label.class);
        assertThat(title.getTextFill()).isNotEqualTo(javafx.scene.paint.Color.web("#202124")); // light text on dark
    }

    @Test
    void theKeyboardAloneGoesFromLaunchToAPngExport(FxRobot robot) throws Exception {
        // Tab walks the scenario controls in order and reaches the knobs
        robot.clickOn("#modelPicker");
        robot.type(KeyCode.ESCAPE);
        List<String> reached = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            robot.type(KeyCode.TAB);
            Node focused = robot.targetWindow().getScene().getFocusOwner();
            for (Node n = focused; n != null; n = n.getParent()) {
                if (n.getId() != null) {
                    reached.add(n.getId());
                    break;
                }
            }
        }
        assertThat(reached).contains("quantizationPicker", "devicePicker", "utilizationSlider", "batchSlider");
        // arrows move the focused slider
        robot.clickOn("#batchSlider").type(KeyCode.HOME).type(KeyCode.RIGHT, 3);
        assertThat(vm.batchSizeProperty().get()).isEqualTo(4);
        // Ctrl+E exports (the dialog answers with its suggested name)
        robot.push(KeyCode.CONTROL, KeyCode.E);
        Path png = exports.resolve("kvlens-llama-3-8b-q4f16_1-rtx-4090.png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        assertThat(Files.size(png)).isGreaterThan(30_000);
    }

    @Test
    void helpOpensInBothLanguagesWithTheScenariosNumbers(FxRobot robot) {
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        HelpView help = robot.lookup("#helpView").queryAs(HelpView.class);
        List<String> texts = robot.from(help).lookup(".help-text").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("4308 MiB").contains("Llama-3-8B-Instruct q4f16_1"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("105511 tokens")); // server T on the 4090, rules §7
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> chinese = robot.from(help).lookup(".help-heading").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(chinese).contains("为什么编译时 KV 缓存为 0 MB？");
    }

    @Test
    void chartSegmentsSpeakTheirValue(FxRobot robot) {
        Node serverKv = view.chartCard().chart().segmentNodes(Segment.KV_PAGES).get(3);
        // rules §7, 4090 server: T = 105,511 tokens × 131,073.25 B = 13,829,669,680.75 B = 12.88 GiB
        assertThat(serverKv.getAccessibleText()).isEqualTo("server: KV cache 12.88 GiB");
    }

    @Test
    void hoveringASegmentShowsItsExactSize(FxRobot robot) throws Exception {
        Node compileParameters = view.chartCard().chart().segmentNodes(Segment.PARAMETERS).get(0);
        robot.moveTo(compileParameters);
        Tooltip tip = (Tooltip) compileParameters.getProperties().get("javafx.scene.control.Tooltip");
        // a tooltip shows after 1 s, and is worded as it shows
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tip.isShowing() && !tip.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // Llama-3-8B q4f16_1 parameters: 4,517,404,672 B = 4308.133 MiB (rules §7, "Parameters: 4308.133 MB")
        assertThat(tip.getText()).startsWith("Compile report — Parameters").contains("4308.133 MiB");
    }

    @Test
    void clickingASegmentExplainsItsTermInOneGlossaryWindow(FxRobot robot) throws Exception {
        robot.clickOn(view.chartCard().chart().segmentNodes(Segment.KV_PAGES).get(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#glossaryTitle").queryAll().isEmpty());
        assertThat(robot.lookup("#glossaryTitle").queryAs(Label.class).getText()).isEqualTo("Paged KV cache");
        Window glossary = robot.lookup("#glossaryView").query().getScene().getWindow();

        robot.interact(() -> view.getScene().getWindow().requestFocus());
        robot.clickOn(view.chartCard().chart().segmentNodes(Segment.TEMPORARY).get(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#glossaryView").queryAll()).hasSize(1);
        assertThat(robot.lookup("#glossaryTitle").queryAs(Label.class).getText()).isEqualTo("Temporary buffer (×2)");
        robot.interact(((javafx.stage.Stage) glossary)::close);
    }
}
