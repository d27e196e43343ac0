package dev.kvlens.ui.explore.map;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.explore.CapacityMap;
import dev.kvlens.model.EngineMode;
import dev.kvlens.text.Language;
import dev.kvlens.ui.explore.solve.SolveViewModel;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity map's cell texts in server mode for the rules §7 scenario on the RTX 4090, by hand from the §7
 * constants: Tmax(B) = (G × 0.85 − 7,489,167,448 − 2,076,432·B) / 131,073.25, so Tmax(13) = 107,332 and
 * Tmax(14) = 107,317 (14,066,401,880.6 / 131,073.25 = 107,317.1); server T = min(Tmax, B × L).
 */
class MapViewModelTextTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final MapViewModel vm = new MapViewModel(estimator, new SolveViewModel(estimator, List.of()));

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void thirteenFullSequencesFitAndFourteenDoNot() {
        estimator.modeProperty().set(EngineMode.SERVER);
        CapacityMap map = CapacityMap.compute(estimator.scenario(), new int[] {13, 14}, new int[] {8192});
        // 13 × 8192 = 106,496 ≤ 107,332: T = 106,496
        assertThat(vm.describe(map, 0, 0)).startsWith("B 13 × L 8,192 = 106,496 tokens; MLC's KV cache here holds "
                + "106,496 tokens: ");
        assertThat(vm.describe(map, 0, 0)).doesNotContain("does not fit");
        // 14 × 8192 = 114,688 > 107,317: T = 107,317
        assertThat(vm.describe(map, 1, 0)).isEqualTo("B 14 × L 8,192 = 114,688 tokens; MLC's KV cache here holds "
                + "107,317 tokens: does not fit: MLC starts, but its KV cache holds fewer than B × L tokens");
        Language.set(Language.CHINESE);
        assertThat(vm.describe(map, 1, 0)).isEqualTo("B 14 × L 8,192 = 114,688 个 token；此处 MLC 的 KV 缓存容纳 "
                + "107,317 个 token：放不下：MLC 能启动，但其 KV 缓存容纳不了 B × L 个 token");
    }

    @Test
    void clickingACellSetsBothSlidersAndTheMarkerFollows() {
        estimator.modeProperty().set(EngineMode.SERVER);
        vm.selectCell(13, 4096);
        assertThat(estimator.batchSizeProperty().get()).isEqualTo(13);
        assertThat(estimator.contextLengthProperty().get()).isEqualTo(4096);
        assertThat(vm.currentBatch()).isEqualTo(13);
        assertThat(vm.currentContext()).isEqualTo(4096);
    }
}
