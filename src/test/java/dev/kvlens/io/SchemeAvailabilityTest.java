package dev.kvlens.io;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheme / type / TP combinations mlc_llm compile refuses (rules §5), with MLC's own text where it has
 * one, and the FT quirks of MoE models.
 */
class SchemeAvailabilityTest {

    private static ModelGeometry geometry(String file) {
        return HfConfigReader.defaults(file + ".json", Json.readResource("/hf-configs/" + file + ".json")).geometry();
    }

    @ParameterizedTest(name = "{1} on {0} (TP {2}) is refused: {3}")
    @CsvSource(delimiter = '|', value = {
        // a kind missing from the type's quantize table: KeyError from args.model.quantize[kind]
        "qwen2       | q4f16_autoawq                 | 1 | KeyError: 'awq'",
        "gemma2      | q4f16_ft                      | 1 | KeyError: 'ft-quant'",
        "orion       | q4f16_ft                      | 1 | KeyError: 'ft-quant'",
        "medusa      | q4f16_1                       | 1 | KeyError: 'group-quant'",
        "deepseek_v2 | fp8_e4m3fn_bf16_block_scale   | 1 | KeyError: 'block-scale-quant'",
        "qwen3       | e4m3_e4m3_f16                 | 1 | KeyError: 'per-tensor-quant'",
        // registered only to raise
        "mixtral     | q4f16_autoawq                 | 1 | AWQ is not implemented for Mixtral models.",
        // interface/compile.py tensor-parallel restrictions
        "llama       | q4f16_ft                      | 2 | NotImplementedError",
        "llama       | q4f16_0                       | 2 | KN layout (q3f16_0 and q4f16_0) is not supported for tensor parallelism",
        // GroupQuantizeMixtralExperts refuses the KN layout even on one GPU
        "mixtral     | q4f16_0                       | 1 | GroupQuantizeMixtralExperts does not support KN layout now."})
    void refusedCombinationsNameMlcsReason(String file, String scheme, int tp, String message) {
        ModelGeometry g = geometry(file);
        assertThatThrownBy(() -> ParameterBytes.of(g, Quantization.require(scheme), tp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void expertsSplitOverShardsOrSayWhyNot() {
        // Qwen3-30B-A3B on 2 GPUs: heads 32/2, KV 4/2, experts [128, 2·384, 2048] and [128, 2048, 384] per shard;
        // embedding and lm_head replicated. Per shard: attention c_attn (16+2·2)·128 = 2560 rows → 2560·64·18
        // = 2,949,120; o [2048, 2048] 2048·64·18 = 2,359,296; q/k norms 512; gate 128·2048·2 = 524,288;
        // experts 128·(768·64·18 + 2048·12·18) = 128·(884,736 + 442,368) = 169,869,312; norms 8,192
        // layer = 175,710,720; 48 layers = 8,434,114,560; + 2 · 151936·64·18 (350,060,544) + norm 4,096
        ModelGeometry g = geometry("qwen3_moe");
        assertThat(ParameterBytes.of(g, Quantization.require("q4f16_1"), 2)).isEqualTo(48L * 175_710_720 + 350_060_544L + 4_096);
        // moe_intermediate_size 768 does not split over 5 GPUs (qwen3_moe_model.py's own message); heads fail first on 5
        assertThatThrownBy(() -> ParameterBytes.of(g, Quantization.require("q4f16_1"), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot split");
    }

    @ParameterizedTest(name = "{1} on {0} is accepted")
    @CsvSource({
        "deepseek_v3, fp8_e4m3fn_bf16_block_scale",
        "qwen3_moe,   fp8_e4m3fn_bf16_block_scale",
        "ministral3,  fp8_e4m3fn_bf16_block_scale",
        "olmo,        q4f16_autoawq",
        "nemotron,    e4m3_e4m3_f16",
        "llama4,      e5m2_e5m2_f16",
        "medusa,      q0f16"})
    void acceptedCombinationsGetBytes(String file, String scheme) {
        assertThat(ParameterBytes.of(geometry(file), Quantization.require(scheme), 1)).isPositive();
    }

    @Test
    void fasterTransformerLeavesExpertsInF16AndGroupQuantizesGatesItCannotTake() {
        // Qwen1.5-MoE-A2.7B under q4f16_ft (ft_quantization.py): a linear [out, in] is int8 [in, out/2] + f16 [out];
        // the CUTLASS test (out % 8) runs before the gate test, so the 60-expert gate and the 1-output
        // shared_expert_gate fall back to group q4 (out × ⌈in/32⌉ × 18); MixtralExperts stay f16; embedding and
        // lm_head fall back to group q4.
        // layer = c_attn 2048·3072 + 6144·2 = 6,303,744 + bias 12,288 + o 2048·1024 + 4096 = 2,101,248
        //       + shared gate_up 2048·5632 + 22528 = 11,556,864 + shared down 5632·1024 + 4096 = 5,771,264
        //       + shared_expert_gate 1·64·18 = 1,152 + gate 60·64·18 = 69,120
        //       + experts 60·(2816·2048 + 2048·1408)·2 = 1,038,090,240 + norms 8,192 = 1,063,914,112
        // total = 24 · 1,063,914,112 + embed 151936·64·18 = 175,030,272 + lm_head 175,030,272 + norm 4,096
        assertThat(ParameterBytes.of(geometry("qwen2_moe"), Quantization.require("q4f16_ft"), 1))
                .isEqualTo(24L * 1_063_914_112 + 2 * 175_030_272L + 4_096).isEqualTo(25_884_003_328L);
    }
}
