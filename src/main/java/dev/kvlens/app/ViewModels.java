package dev.kvlens.app;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.viewmodel.DeviceOption;
import dev.kvlens.viewmodel.EstimatorViewModel;

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

    static DeviceOption option(PresetCatalog.DevicePreset preset) {
        Device d = preset.device();
        return new DeviceOption(preset.id(), d.name(), d.backend(), d.totalGlobalMemoryBytes());
    }
}
