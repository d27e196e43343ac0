package dev.kvlens.ui.verdict;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.explore.ModeVerdict;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer on the main view, for the rules §7 scenario: Llama-3-8B-Instruct q4f16_1 on an RTX 4090. */
class VerdictViewModelTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final VerdictViewModel vm = new VerdictViewModel(estimator);

    @AfterEach
    void english() {
        Language.set(Locale.ENGLISH);
    }

    @Test
    void everyModeGetsAVerdictInGibWithWhatTheGpuReallyHolds() {
        Language.set(Locale.ENGLISH);
        List<VerdictViewModel.Row> rows = vm.rowsProperty().get();
        assertThat(rows).extracting(r -> r.verdict().mode())
                .containsExactly(EngineMode.LOCAL, EngineMode.INTERACTIVE, EngineMode.SERVER);
        VerdictViewModel.Row local = rows.get(0);
        // MLC's estimate 8174.157 MiB (rules §7) = 7.98 GiB; the GPU holds one KV page more (16 tokens × 128 KiB
        // = 2 MiB) and FlashInfer's 768 + 3 × 8 MiB instead of the estimate's 48 MiB (§3.9): 8920.15 MiB = 8.71 GiB;
        // left on the 24,217.3125 MiB card: 15,297.16 MiB = 14.94 GiB; T = min(Tmax, 8192-token window, 8192): the
        // model's context window comes first
        assertThat(local.badge()).isEqualTo("Fits");
        assertThat(local.text()).isEqualTo("local — 14.94 GiB of 23.65 GiB left · GPU holds ≈ 8.71 GiB "
                + "(MLC estimates 7.98 GiB) · KV cache 8,192 tokens, limit: context length");
        assertThat(local.details()).startsWith("local (selected): fits");
        assertThat(vm.legendProperty().getValue()).startsWith("B = max batch size");
    }

    @Test
    void aKvCapacityTheCardCannotHoldSaysTheAllocationFailsThoughMlcStarts() {
        estimator.kvCapacityProperty().set(500_000);
        VerdictViewModel.Row local = vm.rowsProperty().get().get(0);
        assertThat(local.verdict().status()).isEqualTo(ModeVerdict.Status.ALLOCATION_FAILS);
        assertThat(local.badge()).isEqualTo("Allocation fails");
        assertThat(local.text()).contains("MLC would start, but the allocation fails");
    }

    @Test
    void theRowsFollowTheLanguageSwitch() {
        Language.set(Locale.SIMPLIFIED_CHINESE);
        VerdictViewModel.Row local = vm.rowsProperty().get().get(0);
        assertThat(local.badge()).isEqualTo("放得下");
        assertThat(local.text()).startsWith("local — 23.65 GiB 中剩余 14.94 GiB · GPU 实际约占用 8.71 GiB");
        assertThat(vm.legendProperty().getValue()).startsWith("B = 最大批大小");
        Language.set(Locale.ENGLISH);
        assertThat(vm.rowsProperty().get().get(0).badge()).isEqualTo("Fits");
    }

    @Test
    void aTinyUtilizationFitsInNoMode() {
        estimator.gpuMemoryUtilizationProperty().set(0.01);
        assertThat(vm.rowsProperty().get()).extracting(VerdictViewModel.Row::badge).containsOnly("Does not fit");
    }
}
