package dev.kvlens.ui.explore.compare;

import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The A/B table as the view model publishes it, in both languages, without the toolkit. */
class CompareViewModelTest {

    private EstimatorViewModel vm;
    private CompareViewModel compare;

    @BeforeEach
    void pinTheWorkedExampleThenSwitchToQ0f16() {
        Language.set(Language.ENGLISH);
        vm = TestScenarios.startingViewModel();
        compare = new CompareViewModel(vm);
        compare.pinCurrent();
        vm.quantizationProperty().set(Quantization.require("q0f16"));
    }

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theParametersRowShowsBothLibrariesInMib() {
        CompareViewModel.Row params = compare.rowsProperty().getValue().get(0);
        // rules §7: q4f16_1 4,517,404,672 B = 4308.13 MiB; q0f16 16,060,522,496 B = 15316.51 MiB (BentoMLC's log)
        assertThat(params.quantity()).isEqualTo("parameters");
        assertThat(params.a()).isEqualTo("4308.1 MiB");
        assertThat(params.b()).isEqualTo("15316.5 MiB");
        assertThat(params.difference()).isEqualTo("11008.4 MiB");
        // 11,543,117,824 / 4,517,404,672 = 2.5553…
        assertThat(params.percent()).isEqualTo("+255.5 %");
        assertThat(compare.pinnedTextProperty().getValue()).isEqualTo("A = Llama-3-8B-Instruct q4f16_1 on NVIDIA GeForce RTX 4090, local mode");
    }

    @Test
    void everyRowIsNamedInChineseWhenTheLanguageSwitches() {
        Language.set(Language.CHINESE);
        assertThat(compare.rowsProperty().getValue()).extracting(CompareViewModel.Row::quantity).containsExactly(
                "参数", "临时缓冲区", "KV 辅助工作区", "模型与 logit 工作区", "KV 缓存页", "总计", "KV 容量（token）", "批大小");
        assertThat(compare.pinnedTextProperty().getValue()).startsWith("A = Llama-3-8B-Instruct q4f16_1，");
    }

    @Test
    void theCsvKeepsItsEnglishColumnsInChinese() {
        Language.set(Language.CHINESE);
        assertThat(compare.csv()).startsWith("quantity,a,b,delta,percent\nparameters,4.517404672E9,1.6060522496E10,");
        assertThat(compare.csv()).contains("\nKV capacity (tokens),").contains("\nbatch,");
    }

    @Test
    void nothingPinnedMeansNoRows() {
        compare.pinnedProperty().set(null);
        assertThat(compare.rowsProperty().getValue()).isEmpty();
        assertThat(compare.pinnedTextProperty().getValue()).isEmpty();
    }
}
