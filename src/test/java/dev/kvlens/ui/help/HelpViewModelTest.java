package dev.kvlens.ui.help;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Why is the KV cache 0 MB at compile time?" explainer with the rules §7 scenario's own numbers (Scenario A on
 * the RTX 4090, G = 25,393,692,672 B, utilization 0.85), each MiB figure rounded to a whole MiB by hand:
 * params 4,517,404,672 B = 4308.13 → 4308; compile tempFunc 1,308,622,848 B = 1248; G = 24,217.3125 → 24217;
 * G × 0.85 = 20,584.7 → 20585; 2 × tempFunc = 2496; local kv_aux 220,266,936 B = 210.06 → 210; local model + logit
 * workspaces 134,283,280 + 8,272,592 = 142,555,872 B = 135.95 → 136; local T 8192, KV 1234.073 → 1234; server B 128,
 * T 105,511, KV 13,399.074 → 13399, total 20,584.698 → 20585.
 */
class HelpViewModelTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final HelpViewModel vm = new HelpViewModel(estimator);

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    private List<String> texts() {
        return vm.blocksProperty().getValue().stream().map(HelpViewModel.Block::text).toList();
    }

    @Test
    void theExplainerUsesTheScenariosOwnNumbers() {
        List<HelpViewModel.Block> blocks = vm.blocksProperty().getValue();
        assertThat(blocks.get(0)).isEqualTo(new HelpViewModel.Block(true, "Why is the KV cache 0 MB at compile time?"));
        assertThat(blocks.get(1).text()).contains("the parameters (4308 MiB for Llama-3-8B-Instruct q4f16_1)",
                "any compiled function needs (1248 MiB)");
        assertThat(texts()).contains("What the engine adds when it starts", "Why the modes differ so much");
        String runtime = texts().get(3);
        assertThat(runtime).startsWith("The engine takes the device memory (24217 MiB) times gpu_memory_utilization "
                + "(0.85): 20585 MiB to fill.").contains("temporary buffer (2496 MiB,",
                "KV auxiliary workspace (210 MiB)", "logit-processor workspaces (136 MiB)");
        String modes = texts().get(5);
        assertThat(modes).contains("8192 tokens and 4 sequences: 8192 tokens, 1234 MiB of KV cache",
                "batch 128, 105511 tokens, 13399 MiB of KV cache, 20585 MiB in all");
    }

    @Test
    void theExplainerFollowsTheLanguageAndTheScenario() {
        Language.set(Language.CHINESE);
        assertThat(texts().get(0)).isEqualTo("为什么编译时 KV 缓存为 0 MB？");
        assertThat(texts().get(3)).startsWith("引擎用设备显存（24217 MiB）乘以 gpu_memory_utilization（0.85），得到可用的 20585 MiB。");
        // half the card: G × 0.5 = 12,108.65625 MiB → 12109
        estimator.gpuMemoryUtilizationProperty().set(0.5);
        assertThat(texts().get(3)).contains("（0.5），得到可用的 12109 MiB");
    }

    @Test
    void withoutAnEstimateItAsksForAScenario() {
        estimator.modeProperty().set(null);
        assertThat(texts()).containsExactly("Why is the KV cache 0 MB at compile time?", "Choose a scenario first.");
    }
}
