package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** mlc-chat-config.json and Hugging Face config.json readers: the fields of rules §2.2 and gen_config defaults. */
class ConfigReadersTest {

    private static ModelDescription chat(String resource) {
        return ChatConfigReader.parse(resource, Json.readResource("/configs/" + resource));
    }

    private static ModelDescription hf(String resource) {
        return HfConfigReader.parse(resource, resource, Json.readResource("/configs/" + resource));
    }

    @Test
    void chatConfigGivesGeometryCompileLimitsAndQuantization() {
        ModelDescription d = chat("llama-3-8b-mlc-chat-config.json");
        assertThat(d.geometry().family()).isEqualTo(ModelFamily.LLAMA);
        assertThat(d.geometry().numKeyValueHeads()).isEqualTo(8);
        assertThat(d.geometry().headDim()).isEqualTo(128);
        assertThat(d.geometry().vocabSize()).isEqualTo(128256);
        assertThat(d.quantization()).contains(Quantization.require("q4f16_1"));
        assertThat(d.compile()).isEqualTo(new CompileConfig(8192, 2048, 80, 1, 1, -1));
        assertThat(d.chatConfig().prefillChunkSize()).isEqualTo(2048);
        assertThat(d.chatConfig().workspacePrefillChunkSize()).isEqualTo(2048);
        // the same model as the preset, so the same parameter bytes (rules §7)
        assertThat(d.library(d.quantization().orElseThrow()).paramsBytes().bytes()).isEqualTo(4_517_404_672L);
    }

    @Test
    void anyModelTypeWithStandardGeometryWorksForTheRuntime() {
        JsonNode json = Json.parse("mlc-chat-config.json", """
                {"model_type": "mamba", "quantization": "q4f16_1", "prefill_chunk_size": 2048,
                 "context_window_size": 4096,
                 "model_config": {"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
                                  "hidden_size": 4096, "vocab_size": 92544, "prefill_chunk_size": 2048,
                                  "context_window_size": 4096, "max_batch_size": 128}}""");
        ModelDescription d = ChatConfigReader.parse("mlc-chat-config.json", json);
        assertThat(d.geometry().family()).isEqualTo(ModelFamily.UNKNOWN);
        assertThat(d.geometry().headDim()).isEqualTo(128);
        assertThatThrownBy(() -> d.library(Quantization.require("q4f16_1"))).hasMessageContaining("--params-bytes");
    }

    @ParameterizedTest(name = "{0}: missing {1}")
    @CsvSource({
        "'{\"model_type\":\"llama\",\"prefill_chunk_size\":2048}', model_config",
        "'{\"model_type\":\"llama\",\"prefill_chunk_size\":2048,\"model_config\":{\"num_attention_heads\":32,\"hidden_size\":4096,\"vocab_size\":32000,\"prefill_chunk_size\":2048}}', model_config.num_hidden_layers",
        "'{\"model_type\":\"llama\",\"model_config\":{\"num_hidden_layers\":32,\"num_attention_heads\":32,\"hidden_size\":4096,\"vocab_size\":32000,\"prefill_chunk_size\":2048}}', prefill_chunk_size",
        "'{\"model_type\":\"llama\",\"prefill_chunk_size\":2048,\"model_config\":{\"num_hidden_layers\":32,\"num_attention_heads\":32,\"hidden_size\":4096,\"prefill_chunk_size\":2048}}', model_config.vocab_size"})
    void missingRequiredFieldsAreNamed(String json, String field) {
        assertThatThrownBy(() -> ChatConfigReader.parse("mlc-chat-config.json", Json.parse("x", json)))
                .isInstanceOf(InputException.class)
                .hasMessage("mlc-chat-config.json: field '" + field + "' is missing");
    }

    @Test
    void wrongTypesAndAbsurdNumbersAreExplained() {
        String base = "{\"model_type\":\"llama\",\"prefill_chunk_size\":2048,\"model_config\":{\"num_hidden_layers\":%s,"
                + "\"num_attention_heads\":32,\"hidden_size\":4096,\"vocab_size\":32000,\"prefill_chunk_size\":2048}}";
        assertThatThrownBy(() -> ChatConfigReader.parse("c.json", Json.parse("c.json", base.formatted("\"32\""))))
                .hasMessage("c.json: field 'model_config.num_hidden_layers' must be a whole number, got \"32\"");
        assertThatThrownBy(() -> ChatConfigReader.parse("c.json", Json.parse("c.json", base.formatted("1e30"))))
                .hasMessageContaining("must be between 1 and");
        assertThatThrownBy(() -> ChatConfigReader.parse("c.json", Json.parse("c.json", base.formatted("0"))))
                .hasMessageContaining("field 'model_config.num_hidden_layers' must be between 1");
        assertThatThrownBy(() -> Json.parse("c.json", "[1, 2"))
                .hasMessageStartingWith("c.json: is not valid JSON at line 1");
        assertThatThrownBy(() -> ChatConfigReader.parse("c.json", Json.parse("c.json", "[]")))
                .hasMessage("c.json: must contain a JSON object");
    }

    @Test
    void filesAreReadWithLimitsAndABom(@TempDir Path dir) throws Exception {
        Path bom = dir.resolve("mlc-chat-config.json");
        Files.writeString(bom, "\uFEFF" + new String(getClass().getResourceAsStream(
                "/configs/llama-3-8b-mlc-chat-config.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ChatConfigReader.read(bom).geometry().numHiddenLayers()).isEqualTo(32);
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) Json.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> ChatConfigReader.read(big)).hasMessageContaining("over 16 MiB");
        assertThatThrownBy(() -> ChatConfigReader.read(dir.resolve("none.json"))).hasMessageContaining("does not exist");
    }

    @ParameterizedTest(name = "{0} → context {1}, sliding {2}, prefill {3}")
    @CsvSource({
        // rules §2.2: qwen2 is R(8192) since 66fd62df (2048 only before 2024-09-18)
        "qwen2.5-7b-config.json,      32768,   -1, 8192, qwen2.5-7b",
        "gemma-2-2b-config.json,       4096,   -1, 4096, gemma-2-2b",
        "mistral-7b-v0.1-config.json,    -1, 4096, 4096, mistral-7b-v0.1",
        "phi-3.5-mini-config.json,   131072,   -1, 8192, phi-3.5-mini",
        "llama-3.1-8b-config.json,   131072,   -1, 8192, llama-3.1-8b",
        "qwen3-1.7b-config.json,      40960,   -1, 2048, qwen3-1.7b"})
    void huggingFaceConfigsGetGenConfigDefaultsAndMatchThePresets(String file, int context, int sliding, int prefill,
                                                                 String preset) {
        ModelDescription d = hf(file);
        assertThat(d.compile().contextWindowSize()).isEqualTo(context);
        assertThat(d.compile().slidingWindowSize()).isEqualTo(sliding);
        assertThat(d.compile().prefillChunkSize()).isEqualTo(prefill);
        assertThat(d.compile().maxBatchSize()).isEqualTo(128);
        ModelDescription p = TestScenarios.preset(preset);
        assertThat(d.geometry()).usingRecursiveComparison().ignoringFields("modelType").isEqualTo(p.geometry());
        assertThat(d.compile()).isEqualTo(p.compile());
    }

    @Test
    void presetsCoverEnoughModelsAndDevicesWithSources() {
        PresetCatalog catalog = PresetCatalog.load();
        assertThat(catalog.models()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(catalog.devices()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.models()).allSatisfy(m -> assertThat(m.source()).isNotBlank());
        assertThat(catalog.devices()).allSatisfy(d -> assertThat(d.source()).isNotBlank());
        assertThat(catalog.devices()).extracting(d -> d.device().backend().cliName())
                .contains("cuda", "rocm", "metal", "opencl", "vulkan");
        assertThat(catalog.defaultModel().id()).isEqualTo("llama-3-8b");
        assertThat(catalog.device("h100-80gb").orElseThrow().device().totalGlobalMemoryBytes())
                .isEqualTo(TestScenarios.H100_BYTES);
        // rules §3.2: CUDA's totalGlobalMem for an RTX 4090 is 25,393,692,672 B (24,217.3125 MiB)
        assertThat(catalog.device("rtx-4090").orElseThrow().device().totalGlobalMemoryBytes())
                .isEqualTo(25_393_692_672L);
        assertThat(catalog.models()).allSatisfy(m -> assertThat(m.library(Quantization.require("q4f16_1"))
                .paramsBytes().bytes()).isPositive());
    }
}
