package dev.kvlens.ui.explore.solve;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the reverse-solve buttons say they did, for the rules §7 scenario (Llama-3-8B q4f16_1, Scenario A) on the RTX
 * 4090 (G = 25,393,692,672 B, G × 0.85 = 21,584,638,771.2 B), by hand from the §7 constants:
 * non-KV(B) = params + 2·temp + kv_aux + model_ws + logit_ws = 7,489,167,448 + 2,076,432·B, kv_bytes_per_token
 * 131,073.25.
 */
class SolveViewModelTextTest {

    private static final Device EIGHT_GIB = new Device("Test 8 GiB", Backend.CUDA, 8L << 30);
    private static final Device NINE_GIB = new Device("Test 9 GiB", Backend.CUDA, 9L << 30);
    private static final Device TEN_GIB = new Device("Test 10 GiB", Backend.CUDA, 10L << 30);

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final SolveViewModel vm = new SolveViewModel(estimator, List.of(EIGHT_GIB, NINE_GIB, TEN_GIB));

    @AfterEach
    void english() {
        Language.set(Language.ENGLISH);
    }

    @Test
    void theLargestServerBatchAtTheFullContextIsThirteen() {
        // B sequences of 8192 tokens need 8192·B·131,073.25 = 1,073,752,064·B ≤ G·0.85 − non-KV(B):
        // B ≤ 14,095,471,323.2 / 1,075,828,496 = 13.10
        estimator.modeProperty().set(EngineMode.SERVER);
        assertThat(vm.solveMaxBatch()).isEqualTo("Set Batch size to 13.");
        assertThat(estimator.batchSizeProperty().get()).isEqualTo(13);
        Language.set(Language.CHINESE);
        estimator.batchSizeProperty().set(0);
        assertThat(vm.solveMaxBatch()).isEqualTo("已将 批大小 设为 13。");
    }

    @Test
    void oneSequenceReachesTheModelsContextWindow() {
        // local, one sequence: T = min(Tmax 107,475, L, 8192); L stops at the 8192-token window
        assertThat(vm.solveMaxContext()).isEqualTo("Set Context length to 8,192.");
    }

    @Test
    void withAutoSlidersTheSmallestPresetIsTheFirstOnWhichMlcStarts() {
        // local B = 4: MLC starts when G × 0.85 exceeds non-KV 7,497,473,176 B: 8 GiB gives 7,301,444,403.2 B (no),
        // 9 GiB 8,214,124,953.6 B (yes: Tmax = 716,651,777.6 / 131,073.25 = 5467 tokens)
        assertThat(vm.solveSmallestDevice()).isEqualTo("Set Device to Test 9 GiB.");
    }

    @Test
    void theSmallestPresetThatHoldsOneFullSequenceIsTheTenGibOne() {
        // L = 8192 asked for: non-KV + 8192 × 131,073.25 = 8,571,225,240 B must be within G × 0.85: 9 GiB no (5467
        // tokens), 10 GiB 9,126,805,504 B yes (12,430 tokens)
        estimator.contextLengthProperty().set(8192);
        assertThat(vm.solveSmallestDevice()).isEqualTo("Set Device to Test 10 GiB.");
        Language.set(Language.CHINESE);
        assertThat(vm.solveSmallestDevice()).isEqualTo("已将 设备 设为 Test 10 GiB。");
    }

    @Test
    void whenNothingFitsItSaysSo() {
        // 4 GiB × 0.85 = 3,650,722,201.6 B is less than the 4,517,404,672 B of parameters alone
        estimator.customDeviceBytesProperty().set(4L << 30);
        estimator.deviceProperty().set(estimator.devices().stream().filter(d -> d.custom()).findFirst().orElseThrow());
        assertThat(vm.solveMaxBatch()).isEqualTo("No value fits with these inputs.");
        assertThat(new SolveViewModel(estimator, List.of(new Device("Test 4 GiB", Backend.CUDA, 4L << 30)))
                .solveSmallestDevice())
                .isEqualTo("No value fits with these inputs.");
        Language.set(Language.CHINESE);
        assertThat(vm.solveMaxContext()).isEqualTo("在这些输入下没有可行的值。");
    }
}
