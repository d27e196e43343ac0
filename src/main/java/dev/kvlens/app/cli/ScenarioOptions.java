package dev.kvlens.app.cli;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.model.Scenario;
import picocli.CommandLine.Mixin;

/** Everything that makes a scenario on the command line: model, device, engine (shared by estimate and export-png). */
final class ScenarioOptions {

    @Mixin
    ModelOptionsMixin model;

    @Mixin
    DeviceOptionsMixin device;

    @Mixin
    EngineOptions engine;

    ModelOptions.Selection selection(PresetCatalog catalog) {
        return model.options.select(catalog);
    }

    Device device(PresetCatalog catalog) {
        return device.options.device(catalog);
    }

    Scenario scenario(PresetCatalog catalog) {
        return new Scenario(selection(catalog).library(), device(catalog), engine.engine(), engine.ruleSet());
    }
}
