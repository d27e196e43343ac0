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
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 3: the map's tooltip names the condition that fails, in the user's language. */
class CapacityMapTextTest {

    @AfterEach
    void english() {
        Language.set(Locale.ENGLISH);
    }

    @Test
    void aLocalCellOfTwentySequencesSaysTheKvCacheIsTooSmall() {
        EstimatorViewModel estimator = TestScenarios.startingViewModel();
        estimator.modeProperty().set(EngineMode.LOCAL);
        MapViewModel vm = new MapViewModel(estimator, new SolveViewModel(estimator, List.of()));
        CapacityMap map = CapacityMap.compute(estimator.scenario(), new int[] {1, 20}, new int[] {1481, 9000});
        // local T = min(Tmax, L, 8192) = 1481 tokens: one sequence, not 20 (29,620 tokens)
        assertThat(vm.describe(map, 1, 0)).isEqualTo("B 20 × L 1,481 = 29,620 tokens; MLC's KV cache here holds 1,481 "
                + "tokens: does not fit: MLC starts, but its KV cache holds fewer than B × L tokens");
        assertThat(vm.describe(map, 0, 0)).endsWith(": fits");
        assertThat(vm.describe(map, 0, 1)).endsWith("L is longer than the model's context window");
        Language.set(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.describe(map, 1, 0)).contains("KV 缓存容纳不了 B × L 个 token");
    }

    @Test
    void movingTheBatchOrContextSliderKeepsTheMapOtherInputsRecomputeIt() {
        EstimatorViewModel estimator = TestScenarios.startingViewModel();
        MapViewModel vm = new MapViewModel(estimator, new SolveViewModel(estimator, List.of()));
        CapacityMap before = vm.capacityMapProperty().get().orElseThrow();
        estimator.batchSizeProperty().set(17);
        estimator.contextLengthProperty().set(3000);
        assertThat(vm.capacityMapProperty().get().orElseThrow()).isSameAs(before);
        estimator.gpuMemoryUtilizationProperty().set(0.5);
        CapacityMap after = vm.capacityMapProperty().get().orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(after.capacity()[0]).isLessThan(before.capacity()[0]);
    }
}
