package dev.kvlens.ui.scenario;

import dev.kvlens.ui.common.FileCommands;
import dev.kvlens.ui.imports.ImportViewModel;
import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.AccessDeniedException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the view models word themselves follows the language: no English in the Chinese window. */
class ViewModelTextsInChineseTest {

    private EstimatorViewModel vm;

    @BeforeEach
    void chinese() {
        vm = TestScenarios.startingViewModel();
        Language.set(Language.CHINESE);
    }

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theMissingChoiceErrorIsWordedAgainWhenTheLanguageSwitches() {
        vm.modeProperty().set(null);
        assertThat(vm.result().error()).contains("请选择模型、量化方式、设备、规则和模式");
        Language.set(Language.ENGLISH);
        assertThat(vm.result().error()).contains("choose a model, a quantization, a device, the rules and a mode");
    }

    @Test
    void aFileProblemIsWordedInChinese() {
        assertThat(FileCommands.message(new CompletionException(new AccessDeniedException("/x/model.json"))))
                .isEqualTo("/x/model.json：没有访问权限");
        assertThat(FileCommands.message(new RuntimeException((String) null))).isEqualTo("操作失败");
    }

    @Test
    void aRefusedImportIsWordedInChinese() {
        ImportViewModel imports = new ImportViewModel(vm);
        var log = new dev.kvlens.model.scenario.Artifact.SavedScenario("broken.kvlens.json", null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> imports.importArtifact(log)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("broken.kvlens.json：未导入，没有任何改动（");
    }
}
