package dev.kvlens.ui.explore.schemes;

import dev.kvlens.TestScenarios;
import dev.kvlens.text.Language;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's "which quantizations fit this GPU" table, for Llama-3-8B-Instruct on an RTX 4090 (rules §7). */
class SchemesViewModelTest {

    private final EstimatorViewModel estimator = TestScenarios.startingViewModel();
    private final SchemesViewModel vm = new SchemesViewModel(estimator);

    @AfterEach
    void english() {
        Language.set(Locale.ENGLISH);
    }

    private SchemesViewModel.Row row(String scheme) {
        return vm.rowsProperty().get().stream().filter(r -> r.scheme().equals(scheme)).findFirst().orElseThrow();
    }

    @Test
    void nothingIsComputedUntilTheTableIsOnScreen() {
        assertThat(vm.rowsProperty().get()).isEmpty();
        vm.activeProperty().set(true);
        assertThat(vm.rowsProperty().get()).extracting(SchemesViewModel.Row::scheme).contains("q4f16_1", "q0f16");
    }

    @Test
    void eachRowSaysWhereItsFiguresComeFromAndWhatEachModeHolds() {
        Language.set(Locale.ENGLISH);
        vm.activeProperty().set(true);
        SchemesViewModel.Row q4 = row("q4f16_1");
        // §7: parameters 4,517,404,672 B = 4.21 GiB, computed from the layout; the CUDA temporary buffer is estimated
        assertThat(q4.parameters()).isEqualTo("4.21 GiB");
        assertThat(q4.temporary()).startsWith("≈ ").endsWith(" GiB");
        assertThat(q4.local()).isEqualTo("8,192");
        assertThat(q4.fits()).isTrue();
        // q0f16 in local mode: 20,896,570,520 B physical on the 25,393,692,672 B card → 4.19 GiB left (SchemeFitTest)
        assertThat(row("q0f16").verdict()).isEqualTo("fits, 4.19 GiB left");
    }

    @Test
    void theTableFollowsTheDeviceAndTheLanguage() {
        vm.activeProperty().set(true);
        estimator.gpuMemoryUtilizationProperty().set(0.2); // 4.73 GiB budget: only the smallest schemes can start
        List<SchemesViewModel.Row> rows = vm.rowsProperty().get();
        assertThat(rows).filteredOn(r -> r.scheme().equals("q0f16")).singleElement()
                .satisfies(r -> assertThat(r.fits()).isFalse());
        Language.set(Locale.SIMPLIFIED_CHINESE);
        assertThat(row("q0f16").local()).isEqualTo("无法启动");
        assertThat(row("q0f16").verdict()).isEqualTo("放不下");
    }
}
