package dev.kvlens.ui.log;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The MLC log pane's words and its copy command, without the toolkit. */
class LogViewModelTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final LogViewModel vm = new LogViewModel(estimator);

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void copyingGivesTheLinesAndSaysSoUntilTheLinesChange() {
        assertThat(vm.copiedNoteProperty().getValue()).isEmpty();
        assertThat(vm.copy()).isEqualTo(estimator.logTextProperty().getValue()).contains("Estimated total single GPU memory usage");
        assertThat(vm.copiedNoteProperty().getValue()).isEqualTo("Copied to the clipboard.");
        Language.set(Language.CHINESE);
        assertThat(vm.copiedNoteProperty().getValue()).isEqualTo("已复制到剪贴板。");
        assertThat(vm.titleProperty().getValue()).isEqualTo("MLC 日志");
        estimator.batchSizeProperty().set(7);
        assertThat(vm.copiedNoteProperty().getValue()).isEmpty();
    }

    @Test
    void theTitleAndButtonAreWordedInEnglish() {
        assertThat(vm.titleProperty().getValue()).isEqualTo("MLC log");
        assertThat(vm.copyTextProperty().getValue()).isEqualTo("Copy");
    }
}
