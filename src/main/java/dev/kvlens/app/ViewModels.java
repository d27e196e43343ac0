package dev.kvlens.app;

import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.text.Phrase;
import dev.kvlens.ui.scenario.DeviceOption;
import dev.kvlens.ui.scenario.EstimatorViewModel;

import java.util.List;

/** Builds the view model from the preset catalog, for the window and for headless export alike. */
public final class ViewModels {

    private ViewModels() {
    }

    public static EstimatorViewModel fromCatalog(PresetCatalog catalog) {
        List<DeviceOption> devices = catalog.devices().stream().map(ViewModels::option).toList();
        DeviceOption initial = devices.stream().filter(d -> d.id().equals(catalog.defaultDeviceId())).findFirst()
                .orElse(devices.get(0));
        return new EstimatorViewModel(catalog.models(), devices, catalog.defaultModel(),
                catalog.defaultQuantization(), initial);
    }

    /**
     * Puts the GPUs detected on this machine first in the device picker and, when {@code startOnFirst}, picks the
     * first of them. Call on the thread that owns the view model (the FX thread in the window).
     */
    public static void addDetected(EstimatorViewModel viewModel, List<DetectedDevice> detected, boolean startOnFirst) {
        if (detected.isEmpty()) {
            return;
        }
        List<DeviceOption> options = detected.stream().map(ViewModels::option).toList();
        viewModel.devices().removeIf(DeviceOption::detected);
        viewModel.devices().addAll(0, options);
        if (startOnFirst) {
            viewModel.deviceProperty().set(options.get(0));
        }
    }

    static DeviceOption option(PresetCatalog.DevicePreset preset) {
        Device d = preset.device();
        return new DeviceOption(preset.id(), d.name(), d.backend(), d.totalGlobalMemoryBytes(), false, preset.exact(),
                preset.precision() + "; source: " + preset.source());
    }

    static DeviceOption option(DetectedDevice detected) {
        Device d = detected.device();
        return new DeviceOption(detected.id(), d.name(), d.backend(), d.totalGlobalMemoryBytes(), true,
                detected.exact(), Phrase.of("io.gpu.provenance", detected.precisionWords(), detected.sourceWords()));
    }
}
