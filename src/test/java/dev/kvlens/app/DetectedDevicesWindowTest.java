package dev.kvlens.app;

import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.ui.scenario.DeviceOption;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's device picker with detected GPUs (view model only, no toolkit). */
class DetectedDevicesWindowTest {

    // what a fake nvidia-smi printing "NVIDIA GeForce RTX 4090, 24564, 354" yields: (24564 − 354) MiB
    private static final DetectedDevice RTX_4090 = new DetectedDevice("detected-0",
            new Device("NVIDIA GeForce RTX 4090", Backend.CUDA, 24210L * 1024 * 1024), "nvidia-smi",
            "nvidia-smi: memory.total 24564 MiB − memory.reserved 354 MiB", "nvidia-smi prints whole MiB");

    @Test
    void detectedGpusComeFirstAndTheWindowStartsOnTheFirst() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        int presets = vm.devices().size();
        ViewModels.addDetected(vm, List.of(RTX_4090), true);
        assertThat(vm.devices()).hasSize(presets + 1);
        DeviceOption first = vm.devices().get(0);
        assertThat(first.detected()).isTrue();
        assertThat(first.exact()).isFalse();
        assertThat(first.provenance()).contains("whole MiB").contains("nvidia-smi");
        assertThat(vm.deviceProperty().get()).isEqualTo(first);
        assertThat(vm.result().estimate().orElseThrow().deviceBytes())
                .isEqualTo(25_386_024_960L); // 24210 × 1,048,576
        assertThat(vm.devices().get(vm.devices().size() - 1).custom()).isTrue();
    }

    @Test
    void aSavedScenarioOrAnEarlierPickKeepsItsDevice() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        DeviceOption before = vm.deviceProperty().get();
        long serverTokens = vm.result().estimate().orElseThrow().mode(EngineMode.SERVER).orElseThrow().maxTotalSequenceLength();
        ViewModels.addDetected(vm, List.of(RTX_4090), false);
        assertThat(vm.devices().get(0).detected()).isTrue();
        assertThat(vm.deviceProperty().get()).isEqualTo(before);
        assertThat(vm.result().estimate().orElseThrow().mode(EngineMode.SERVER).orElseThrow().maxTotalSequenceLength())
                .isEqualTo(serverTokens);
        ViewModels.addDetected(vm, List.of(RTX_4090), false);
        assertThat(vm.devices().stream().filter(DeviceOption::detected)).as("no duplicates on a second run").hasSize(1);
    }

    @Test
    void nothingDetectedChangesNothing() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        List<DeviceOption> before = List.copyOf(vm.devices());
        ViewModels.addDetected(vm, List.of(), true);
        assertThat(vm.devices()).containsExactlyElementsOf(before);
    }

    @Test
    void presetsCarryTheirFiguresProvenance() {
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        DeviceOption rtx4090 = vm.devices().stream().filter(d -> d.id().equals("rtx-4090")).findFirst().orElseThrow();
        assertThat(rtx4090.exact()).isTrue();
        assertThat(rtx4090.provenance()).contains("§3.2");
        DeviceOption arc = vm.devices().stream().filter(d -> d.id().equals("arc-a770-16gb")).findFirst().orElseThrow();
        assertThat(arc.exact()).isFalse();
        assertThat(arc.provenance()).startsWith("nominal");
    }
}
