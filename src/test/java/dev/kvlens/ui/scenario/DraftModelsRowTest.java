package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.I18n;
import dev.kvlens.ui.shell.FileDialogs;
import dev.kvlens.ui.shell.WindowFixture;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario panel's "Draft models" row: add a draft model folder with the mouse, see the log follow, remove it. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx") // starts the JavaFX toolkit (TestFX): its own JVM, see the pom
class DraftModelsRowTest {

    @TempDir
    static Path dir;

    private EstimatorViewModel vm;

    /** The folder chooser answers with a Llama-3.2-1B-like MLC folder (ctx 4096, prefill 2048, batch 64). */
    private static final FileDialogs SCRIPTED = new FileDialogs() {
        @Override
        public Optional<Path> save(Window owner, String title, String initialName, Path directory,
                                   FileChooser.ExtensionFilter filter) {
            return Optional.empty();
        }

        @Override
        public List<Path> open(Window owner, String title, Path directory, List<FileChooser.ExtensionFilter> filters) {
            return List.of(dir.resolve("not-a-model.json"));
        }

        @Override
        public Optional<Path> openFolder(Window owner, String title, Path directory) {
            try {
                return Optional.of(draftFolder());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    };

    static Path draftFolder() throws IOException {
        return dev.kvlens.TestScenarios.llamaDraftFolder(dir);
    }

    @Start
    void start(Stage stage) throws IOException {
        Files.writeString(dir.resolve("not-a-model.json"), "{\"hello\": 1}");
        vm = WindowFixture.show(stage, SCRIPTED, 900).viewModel();
    }

    @AfterEach
    void reset() {
        WindowFixture.reset();
    }

    @Test
    void addingAFolderLimitsTheLocalModeAndRemovingItRestoresTheLog(FxRobot robot) {
        String single = vm.logTextProperty().getValue();
        assertThat(single).contains("max KV cache token capacity will be set to 8192");
        robot.clickOn("#addDraftFolderButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.additionalModels()).hasSize(1);
        assertThat(robot.lookup("#draftModel0").queryAs(Label.class).getText())
                .isEqualTo("Llama-3.2-1B-Instruct-q4f16_1-MLC (q4f16_1)");
        // rules §3.3: the smallest context (4096) and prefill (2048) over both models; local B = min(4, 64) = 4
        assertThat(vm.logTextProperty().getValue()).contains("Under mode \"local\", max batch size will be set to 4, "
                + "max KV cache token capacity will be set to 4096, prefill chunk size will be set to 2048.");
        // the waterfall's physical section names the draft-token workspace: 2 · (2·B) · V · 4 B = 2 · 8 · 128,256 · 4
        //   = 8,208,384 B = 7.83 MiB (rules §3.8 "not estimated")
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "waterfallTab".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#physicalSummary").queryAs(Label.class).getText())
                .contains("draft-token workspace: 7.8 MiB");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn("#removeDraft0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.additionalModels()).isEmpty();
        assertThat(vm.logTextProperty().getValue()).isEqualTo(single);
    }

    @Test
    void aFileThatIsNotAModelChangesNothingAndTheRowSpeaksChinese(FxRobot robot) {
        String single = vm.logTextProperty().getValue();
        robot.clickOn("#addDraftButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.additionalModels()).isEmpty();
        assertThat(vm.logTextProperty().getValue()).isEqualTo(single);
        robot.interact(() -> I18n.setLocale(I18n.CHINESE));
        assertThat(robot.lookup("#addDraftButton").queryAs(Button.class).getText()).isEqualTo("+ 草稿模型…");
    }
}
