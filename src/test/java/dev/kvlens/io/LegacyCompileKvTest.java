package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.SharedData;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legacy per-context KV of 2024-01 … 2024-03 compile reports (rules §1.3 table) against the three legacy
 * libraries of {@code shared/mlc-libs-dev/} (their {@code kv_cache_bytes}, also in its README index), and the
 * table's dates and qwen2's q-heads v_cache by hand.
 */
class LegacyCompileKvTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static ModelLibrary library(String name, JsonNode meta) {
        Path config = SharedData.path("mlc-libs-dev/configs/" + name + ".config.json");
        CompileConfig compile = new CompileConfig(meta.path("context_window_size").asInt(),
                meta.path("prefill_chunk_size").asInt(), 80, meta.path("tensor_parallel_shards").asInt(), 1,
                meta.path("sliding_window_size").asInt());
        return ModelLibrary.build(HfConfigReader.read(config), Quantization.require(meta.path("quantization").asText()),
                compile, null, ByteFigure.given(0, "test"));
    }

    /*
     * README index: RedPajama-3B q4f32_1 ctx 1k: 1024 × 32 layers × (32 + 32) × 80 × 4 B = 671,088,640;
     * Mistral-7B-v0.2 q4f16_1 sliding window 4096: 4096 × 32 × (8 + 8) × 128 × 2 B = 536,870,912;
     * phi-1_5 q0f16 ctx 2k: 2048 × 24 × (32 + 32) × 64 × 2 B = 402,653,184.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "RedPajama-INCITE-Chat-3B-v1__RedPajama-INCITE-Chat-3B-v1-q4f32_1-ctx1k-webgpu.wasm, 671088640",
        "Mistral-7B-Instruct-v0.2__Mistral-7B-Instruct-v0.2-q4f16_1-sw4k_cs1k-webgpu.wasm,    536870912",
        "phi-1_5__phi-1_5-q0f16-ctx2k-webgpu.wasm,                                            402653184"})
    void legacyLibrariesKvCacheBytes(String name, long readme) throws Exception {
        JsonNode meta = JSON.readTree(Files.readString(SharedData.path("mlc-libs-dev/" + name + ".json")));
        assertThat(meta.path("kv_cache_bytes").asLong()).isEqualTo(readme);

        CompileReport report = CompileReport.of(library(name, meta), CompileReport.Era.E2024_01);

        assertThat(report.kvCacheBytes()).isEqualTo(readme);
    }

    /** Qwen2-0.5B (24 layers, 14 q heads, 2 kv heads, d 64), context 4096, f16 (§1.3: v_cache has q heads). */
    @Test
    void qwen2CountsQHeadsInItsVCacheUntilMarch25() throws Exception {
        String name = "web-llm-models__v0_2_48__Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm";
        JsonNode meta = JSON.readTree(Files.readString(SharedData.path("mlc-libs-dev/" + name + ".json")));
        ModelLibrary qwen2 = library(name, meta);

        // 4096 × 24 × (2 + 14) × 64 × 2 B = 201,326,592 B (192.00 MiB) on 2024-03-10; 0 from ab9fa813 (2024-03-25).
        assertThat(CompileReport.of(qwen2, CompileReport.Era.E2024_03, LocalDate.of(2024, 3, 10)).kvCacheBytes())
                .isEqualTo(201_326_592L);
        assertThat(CompileReport.of(qwen2, CompileReport.Era.E2024_03, LocalDate.of(2024, 3, 25)).kvCacheBytes())
                .isZero();
    }

    /** Llama's legacy cache went with 370dcbff (2024-02-01); gemma never had one (§1.3 table). */
    @Test
    void tableDatesDecide() throws Exception {
        String llama = "Llama-2-7b-chat-hf__Llama-2-7b-chat-hf-q4f16_1-ctx1k-webgpu.wasm";
        ModelLibrary lib = library(llama, JSON.readTree(Files.readString(SharedData.path("mlc-libs-dev/" + llama + ".json"))));
        // 1024 × 32 × (32 + 32) × 128 × 2 B = 536,870,912 B on 2024-01-31.
        assertThat(CompileReport.of(lib, CompileReport.Era.E2024_03, LocalDate.of(2024, 1, 31)).kvCacheBytes())
                .isEqualTo(536_870_912L);
        assertThat(CompileReport.of(lib, CompileReport.Era.E2024_03, LocalDate.of(2024, 2, 1)).kvCacheBytes()).isZero();

        String gemma = "web-llm-models__v0_2_30__gemma-2b-it-q4f16_1-ctx1k_cs1k-webgpu.wasm";
        ModelLibrary g = library(gemma, JSON.readTree(Files.readString(SharedData.path("mlc-libs-dev/" + gemma + ".json"))));
        assertThat(CompileReport.of(g, CompileReport.Era.E2024_01).kvCacheBytes()).isZero();
    }
}
