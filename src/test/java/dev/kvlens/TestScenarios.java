package dev.kvlens;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.Scenario;

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
    public static dev.kvlens.ui.scenario.EstimatorViewModel startingViewModel() {
        java.util.List<dev.kvlens.ui.scenario.DeviceOption> devices = CATALOG.devices().stream()
                .map(p -> new dev.kvlens.ui.scenario.DeviceOption(p.id(), p.device().name(), p.device().backend(),
                        p.device().totalGlobalMemoryBytes()))
                .toList();
        dev.kvlens.ui.scenario.DeviceOption rtx4090 = devices.stream().filter(d -> d.id().equals("rtx-4090"))
                .findFirst().orElseThrow();
        return new dev.kvlens.ui.scenario.EstimatorViewModel(CATALOG.models(), devices, preset("llama-3-8b"),
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

    /**
     * An MLC weights folder of a Llama-3.2-1B-like draft model (h 2048, I 8192, 16 layers, 8 KV heads of 64, tied,
     * context 4096, prefill 2048, max batch 64) whose tensor cache sums to 700,000,000 B (600,000,000 + 100,000,000).
     */
    public static java.nio.file.Path llamaDraftFolder(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("Llama-3.2-1B-Instruct-q4f16_1-MLC"));
        com.fasterxml.jackson.databind.node.ObjectNode chat = dev.kvlens.io.Json.mapper().createObjectNode();
        chat.put("model_type", "llama");
        chat.put("quantization", "q4f16_1");
        com.fasterxml.jackson.databind.node.ObjectNode model = chat.putObject("model_config");
        model.put("hidden_size", 2048);
        model.put("intermediate_size", 8192);
        model.put("num_attention_heads", 32);
        model.put("num_key_value_heads", 8);
        model.put("head_dim", 64);
        model.put("num_hidden_layers", 16);
        model.put("vocab_size", 128256);
        model.put("tie_word_embeddings", true);
        model.put("context_window_size", 4096);
        model.put("prefill_chunk_size", 2048);
        model.put("max_batch_size", 64);
        chat.put("context_window_size", 4096);
        chat.put("prefill_chunk_size", 2048);
        java.nio.file.Files.writeString(folder.resolve("mlc-chat-config.json"), dev.kvlens.io.Json.mapper().writeValueAsString(chat));
        // tensor cache: two records, 600,000,000 + 100,000,000 = 700,000,000 B
        java.nio.file.Files.writeString(folder.resolve("tensor-cache.json"), """
                {"metadata": {"ParamSize": 2, "ParamBytes": 7e8},
                 "records": [{"dataPath": "params_shard_0.bin", "format": "raw-shard", "nbytes": 700000000,
                   "records": [{"name": "a", "shape": [1], "dtype": "uint32", "nbytes": 600000000, "byteOffset": 0},
                               {"name": "b", "shape": [1], "dtype": "float16", "nbytes": 100000000, "byteOffset": 0}]}]}
                """);
        return folder;
    }
}
