package dev.kvlens.app.cli;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.model.engine.Scenario;
import picocli.CommandLine.Mixin;

/** Everything that makes a scenario on the command line: model, device, engine (shared by estimate and export-png). */
final class ScenarioOptions {

    @Mixin
    ModelOptionsMixin model;

    @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "0..1", heading = "%nDevice:%n")
    DeviceOptions device;

    @Mixin
    EngineOptions engine;

    ModelOptions.Selection selection(PresetCatalog catalog) {
        return model.options().select(catalog);
    }

    /** The selection, with {@code fallback} as the scheme when none is named. */
    ModelOptions.Selection selection(PresetCatalog catalog, dev.kvlens.model.architecture.Quantization fallback) {
        return model.options.select(catalog, java.util.Optional.of(fallback));
    }

    boolean hasDevice() {
        return device != null;
    }

    Device device(PresetCatalog catalog) {
        return device(catalog, null);
    }

    /** The device; {@code --gpu auto} notes its pick on {@code err} when one is given. */
    Device device(PresetCatalog catalog, java.io.PrintWriter err) {
        if (device == null) {
            throw new IllegalArgumentException("no device given: use --gpu, --gpu-memory-bytes or --gpu-memory-mib");
        }
        return device.device(catalog, err);
    }

    Scenario scenario(PresetCatalog catalog) {
        Device device = device(catalog);
        return new Scenario(selection(catalog).library(device.backend().plannerTarget()), device,
                engine.engine(), engine.ruleSet());
    }
}
