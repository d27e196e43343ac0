package dev.kvlens.ui.explore.waterfall;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The waterfall's bars and texts as its view model publishes them, without the toolkit. */
class WaterfallViewModelTest {

    private EstimatorViewModel vm;
    private WaterfallViewModel waterfall;

    @BeforeEach
    void setUp() {
        Language.set(Language.ENGLISH);
        vm = TestScenarios.startingViewModel();
        waterfall = new WaterfallViewModel(vm);
    }

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theLastBarIsTheSelectedModesTotalAndTheFirstTheParameters() {
        var bars = waterfall.barsProperty().getValue();
        assertThat(bars.get(0).name()).isEqualTo("Parameters");
        // rules §7: q4f16_1 parameters 4,517,404,672 B
        assertThat(bars.get(0).stepGib()).isEqualTo(4_517_404_672.0 / (1L << 30));
        var total = bars.get(bars.size() - 1);
        assertThat(total.name()).isEqualTo("= estimated total");
        assertThat(total.stepGib() * (1L << 30)).isEqualTo(vm.result().estimate().orElseThrow().selected().totalBytes());
        assertThat(total.tooltip()).startsWith("= estimated total: ").endsWith(" MiB");
        assertThat(waterfall.physicalTextProperty().getValue()).contains(" pages of 16 tokens: KV pages ");
    }

    @Test
    void aModeThatDoesNotFitHasNoBarsAndNoPhysicalText() {
        vm.customDeviceBytesProperty().set(2L << 30);
        vm.deviceProperty().set(vm.devices().get(vm.devices().size() - 1));
        assertThat(waterfall.barsProperty().getValue()).isEmpty();
        assertThat(waterfall.physicalTextProperty().getValue()).isEmpty();
    }

    @Test
    void namesAndTextsFollowTheLanguage() {
        Language.set(Language.CHINESE);
        assertThat(waterfall.barsProperty().getValue().get(0).name()).isEqualTo("参数");
        assertThat(waterfall.text("physical.title").getValue()).startsWith("运行时实际分配的显存");
        assertThat(waterfall.physicalTextProperty().getValue()).isNotEmpty().doesNotContain("pages of");
    }
}
