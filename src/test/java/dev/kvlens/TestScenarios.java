package dev.kvlens;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.CompileConfig;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.EngineSettings;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.ModelLibrary;
import dev.kvlens.model.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.Scenario;

/** Scenario building blocks shared by tests. */
public final class TestScenarios {

    public static final long MIB = 1024L * 1024L;
    /** rules §7: H100 80GB HBM3 totalGlobalMem 81,089 MiB. */
    public static final long H100_BYTES = 85_027_979_264L;
    /** rules §7: RTX 4090 totalGlobalMem 24,563 MiB. */
    public static final long RTX4090_BYTES = 25_756_172_288L;

    private static final PresetCatalog CATALOG = PresetCatalog.load();

    private TestScenarios() {
    }

    public static PresetCatalog catalog() {
        return CATALOG;
    }

    /** The window's view model as the app starts it: Llama-3-8B q4f16_1 on an RTX 4090, every preset listed. */
    public static dev.kvlens.viewmodel.EstimatorViewModel startingViewModel() {
        java.util.List<dev.kvlens.viewmodel.DeviceOption> devices = CATALOG.devices().stream()
                .map(p -> new dev.kvlens.viewmodel.DeviceOption(p.id(), p.device().name(), p.device().backend(),
                        p.device().totalGlobalMemoryBytes()))
                .toList();
        dev.kvlens.viewmodel.DeviceOption rtx4090 = devices.stream().filter(d -> d.id().equals("rtx-4090"))
                .findFirst().orElseThrow();
        return new dev.kvlens.viewmodel.EstimatorViewModel(CATALOG.models(), devices, preset("llama-3-8b"),
                Quantization.require("q4f16_1"), rtx4090);
    }

    public static ModelDescription preset(String id) {
        return CATALOG.model(id).orElseThrow(() -> new AssertionError("no preset " + id));
    }

    /** A preset compiled with a scheme and possibly other compile limits, temp from a given byte count. */
    public static ModelLibrary library(String presetId, String quantization, CompileConfig compile, long tempFuncBytes) {
        ModelDescription d = preset(presetId);
        return ModelLibrary.build(d, Quantization.require(quantization), compile, null,
                ByteFigure.given(tempFuncBytes, "test"));
    }

    /** A published log's verbatim lines (shared or extra file), joined as the text a user would import. */
    public static String publishedText(String id) {
        for (String file : java.util.List.of("/published/mlc-published-logs.json", "/published/extra-published-logs.json")) {
            for (com.fasterxml.jackson.databind.JsonNode c : dev.kvlens.io.Json.readResource(file)) {
                if (c.path("id").asText().equals(id)) {
                    java.util.List<String> lines = new java.util.ArrayList<>();
                    c.path("verbatim").forEach(v -> lines.add(v.asText()));
                    return String.join("\n", lines);
                }
            }
        }
        throw new AssertionError("no published case " + id);
    }

    public static Scenario scenario(ModelLibrary library, long deviceBytes, EngineMode mode, RuleSet rules) {
        return new Scenario(library, new Device("test", Backend.CUDA, deviceBytes), EngineSettings.defaults(mode), rules);
    }
}
