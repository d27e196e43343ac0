package dev.kvlens.ui.explore.solve;

import dev.kvlens.TestScenarios;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.explore.ReverseSolver;
import dev.kvlens.model.explore.Workload;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12 item 2: the window's smallest-device button picks a device on which the window then says MLC starts. */
class ReverseSolveViewModelTest {

    @Test
    void theSmallestDeviceStartsMlcOnceChosenAndTheNextSmallerPresetDoesNot() {
        EstimatorViewModel estimator = TestScenarios.startingViewModel();
        estimator.modeProperty().set(EngineMode.SERVER);
        List<Device> presets = TestScenarios.catalog().devices().stream().map(d -> d.device()).toList();
        SolveViewModel vm = new SolveViewModel(estimator, presets);
        Device picked = vm.applySmallestDevice().orElseThrow();
        // the issue: server mode with the sliders on Auto picked a 192 GB MI300X; MLC starts on the 24 GB 4090
        assertThat(picked.totalGlobalMemoryBytes()).isLessThanOrEqualTo(25_393_692_672L);
        assertThat(estimator.deviceProperty().get().name()).isEqualTo(picked.name());
        assertThat(estimator.result().estimate().orElseThrow().succeeds()).isTrue();
        presets.stream().filter(d -> d.totalGlobalMemoryBytes() < picked.totalGlobalMemoryBytes())
                .max(Comparator.comparingLong(Device::totalGlobalMemoryBytes))
                .ifPresent(smaller -> assertThat(ReverseSolver.fits(estimator.scenarioOn(smaller), Workload.MLC_DEFAULTS))
                        .as(smaller.name()).isFalse());
    }
}
