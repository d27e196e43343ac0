package dev.kvlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** gen_config's per-type context and prefill defaults (rules §2.2 table) on real configs. */
class GenConfigDefaultsTest {

    private static HfConfigReader.Defaults read(String file) {
        return HfConfigReader.defaults(file + ".json", Json.readResource("/hf-configs/" + file + ".json"));
    }

    @ParameterizedTest(name = "{0}: context {1}, prefill {2}, sliding {3}")
    @CsvSource({
        // R(8192), qwen2 included since 66fd62df
        "qwen2,        32768, 8192,   -1",
        "llama,       131072, 8192,   -1",
        "starcoder2,   16384, 8192,   -1",
        // R(2048)
        "qwen3,        40960, 2048,   -1",
        "qwen3_moe,    40960, 2048,   -1",
        "qwen3_5,     262144, 2048,   -1",
        "deepseek_v2, 163840, 2048,   -1",
        "deepseek_v3, 163840, 2048,   -1",
        "internlm2,    32768, 2048,   -1",
        // Llama 4: the class-level 131072 whatever max_position_embeddings says (10485760 here)
        "llama4,      131072, 8192,   -1",
        // Gemma 3: max(sliding window, 8192); prefill from the 131072 field default
        "gemma3_text,   8192, 8192,  512",
        // Gemma 2: context := sliding window 4096, prefill clamped to it; no sliding window in the metadata
        "gemma2,        4096, 4096,   -1",
        // MLC's Mistral preset: sliding_window_size 4096 → no context limit; its explicit prefill 128 stays
        "mistral,         -1,  128, 4096",
        // ministral3 with sliding_window null: an ordinary context
        "ministral3,  262144, 8192,   -1",
        // bert: prefill = context, no cap
        "bert,           512,  512,   -1",
        // RWKV: no context, prefill the 4096 field default
        "rwkv5,           -1, 4096,   -1",
        "rwkv6,           -1, 4096,   -1",
        // phi-msft: = context, uncapped (2048 here)
        "phi-msft,      2048, 2048,   -1"})
    void defaultsPerType(String file, int context, int prefill, int sliding) {
        HfConfigReader.Defaults d = read(file);
        assertThat(d.contextWindowSize()).isEqualTo(context);
        assertThat(d.prefillChunkSize()).isEqualTo(prefill);
        assertThat(d.slidingWindowSize()).isEqualTo(sliding);
    }

    @Test
    void phiMsftPrefillIsNotCappedWhereLlamaTypesAre() {
        // PhiConfig: prefill = context, then min(prefill, context); no 8192 cap. Phi1Config (phi) caps at 8192.
        String msft = "{\"model_type\":\"phi-msft\",\"n_embd\":2560,\"n_layer\":32,\"n_head\":32,\"vocab_size\":51200,"
                + "\"n_positions\":16384}";
        assertThat(HfConfigReader.defaults("c.json", Json.parse("c.json", msft)).prefillChunkSize()).isEqualTo(16384);
        String phi = "{\"model_type\":\"phi\",\"hidden_size\":2560,\"num_hidden_layers\":32,\"num_attention_heads\":32,"
                + "\"vocab_size\":51200,\"max_position_embeddings\":16384}";
        assertThat(HfConfigReader.defaults("c.json", Json.parse("c.json", phi)).prefillChunkSize()).isEqualTo(8192);
    }

    @Test
    void medusaHeadsAreADraftModelNotAMainModel() {
        // MedusaConfig: context and prefill -1 (rules §2.2, §3.8)
        HfConfigReader.Defaults d = read("medusa");
        assertThat(d.contextWindowSize()).isEqualTo(-1);
        assertThat(d.prefillChunkSize()).isEqualTo(-1);
        assertThatThrownBy(() -> HfConfigReader.parse("medusa.json", "medusa", Json.readResource("/hf-configs/medusa.json")))
                .isInstanceOf(InputException.class).hasMessageContaining("additional model");
    }
}
