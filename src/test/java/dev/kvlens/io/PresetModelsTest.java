package dev.kvlens.io;

import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in model presets (issue 11 item 5): the models MLC users deploy, each with its HF source. */
class PresetModelsTest {

    private static final PresetCatalog CATALOG = PresetCatalog.load();

    @Test
    void atLeastFortyModelsEachWithAHuggingFaceSourceAndParameterBytes() {
        List<ModelDescription> models = CATALOG.models();
        assertThat(models).hasSizeGreaterThanOrEqualTo(40);
        assertThat(models).extracting(ModelDescription::id).doesNotHaveDuplicates();
        assertThat(models).allSatisfy(m -> {
            assertThat(m.source()).contains("huggingface.co/").contains("gen_config");
            assertThat(ParameterBytes.of(m.geometry(), Quantization.require("q4f16_1"), 1)).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "qwen3-30b-a3b, qwen3_moe", "qwen3.5-27b, qwen3_5", "gemma-3-4b, gemma3", "deepseek-v3, deepseek_v3",
        "deepseek-r1-distill-qwen-1.5b, qwen2", "llama-4-scout, llama4", "phi-4-mini, phi3", "mistral-small-24b, mistral",
        "mixtral-8x7b, mixtral", "smollm2-1.7b, llama", "internlm2.5-7b, internlm2", "minicpm-2b, minicpm"})
    void theModelsTheIssueNamesArePresent(String id, String modelType) {
        assertThat(CATALOG.model(id)).hasValueSatisfying(m -> assertThat(m.geometry().modelType()).isEqualTo(modelType));
    }

    @ParameterizedTest(name = "{0}: context {1}, prefill {2}, sliding {3}")
    @CsvSource({
        // rules §2.2 per type: qwen2 R(8192), qwen3 / qwen3_5 / deepseek_v3 / internlm2 R(2048), Gemma 3 max(SW, 8192)
        "qwen2.5-7b,                   32768, 8192,   -1",
        "deepseek-r1-distill-qwen-7b, 131072, 8192,   -1",
        "deepseek-r1-distill-qwen-14b,131072, 8192,   -1",
        "qwen3-32b,                    40960, 2048,   -1",
        "qwen3.5-27b,                 262144, 2048,   -1",
        "deepseek-v3,                 163840, 2048,   -1",
        "internlm2.5-7b,               32768, 2048,   -1",
        "gemma-3-12b,                   8192, 8192, 1024",
        "llama-4-scout,               131072, 8192,   -1",
        "phi-4,                        16384, 8192,   -1"})
    void presetsCarryMlcsOwnDefaults(String id, int context, int prefill, int sliding) {
        ModelDescription m = CATALOG.model(id).orElseThrow();
        assertThat(m.compile().contextWindowSize()).isEqualTo(context);
        assertThat(m.compile().prefillChunkSize()).isEqualTo(prefill);
        assertThat(m.compile().slidingWindowSize()).isEqualTo(sliding);
        assertThat(m.compile().maxBatchSize()).isEqualTo(128);
    }

    @Test
    void theMoePresetHasTheBytesOfItsHandComputedFixture() {
        // the same config as hf-configs/qwen3_moe.json, whose 17,192,710,144 B are worked out in RegistryTypesTest
        ModelDescription m = CATALOG.model("qwen3-30b-a3b").orElseThrow();
        assertThat(ParameterBytes.of(m.geometry(), Quantization.require("q4f16_1"), 1)).isEqualTo(17_192_710_144L);
    }
}
