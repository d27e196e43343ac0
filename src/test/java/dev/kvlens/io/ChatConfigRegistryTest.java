package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mlc-chat-config.json files of registry types: gen_config writes the config class's fields as
 * {@code model_config} (nested text_config included) and copies the limits to the top level (rules §2.2).
 */
class ChatConfigRegistryTest {

    /** An mlc-chat-config around a model_config, with the top-level keys gen_config writes. */
    private static JsonNode chatConfig(String type, JsonNode modelConfig, int context, int prefill, int sliding) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("model_type", type).put("quantization", "q4f16_1").put("context_window_size", context)
                .put("sliding_window_size", sliding).put("prefill_chunk_size", prefill).put("tensor_parallel_shards", 1);
        ObjectNode config = modelConfig.deepCopy();
        config.put("context_window_size", context).put("prefill_chunk_size", prefill).put("max_batch_size", 128);
        root.set("model_config", config);
        return root;
    }

    @Test
    void moeChatConfigGetsTheSameBytesAsItsHfConfig() {
        JsonNode hf = Json.readResource("/hf-configs/qwen3_moe.json");
        ModelDescription d = ChatConfigReader.parse("mlc-chat-config.json", chatConfig("qwen3_moe", hf, 40960, 2048, -1));
        // the hand-computed Qwen3-30B-A3B q4f16_1 bytes of RegistryTypesTest
        assertThat(ParameterBytes.of(d.geometry(), Quantization.require("q4f16_1"), 1)).isEqualTo(17_192_710_144L);
        assertThat(d.compile().prefillChunkSize()).isEqualTo(2048);
    }

    @Test
    void nestedTextConfigAndMlaAreReadFromModelConfig() {
        JsonNode gemma = Json.readResource("/hf-configs/gemma3.json");
        ModelDescription g = ChatConfigReader.parse("mlc-chat-config.json", chatConfig("gemma3", gemma, 8192, 8192, 1024));
        // Gemma-3-4B text: 34 layers, 4 KV heads of 256 (rules §10 nested text_config)
        assertThat(g.geometry().kvCache(1)).isEqualTo(new KvCacheGeometry(34, 8, 4, 256));
        assertThat(g.compile().slidingWindowSize()).isEqualTo(1024);

        JsonNode ds = Json.readResource("/hf-configs/deepseek_v2.json");
        ModelDescription m = ChatConfigReader.parse("mlc-chat-config.json", chatConfig("deepseek_v2", ds, 163840, 2048, -1));
        // MLA: one latent head of 512 + 64 (rules §2.1)
        assertThat(m.geometry().kvCache(1)).isEqualTo(new KvCacheGeometry(27, 16, 1, 576));
    }
}
