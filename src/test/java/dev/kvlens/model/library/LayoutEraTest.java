package dev.kvlens.model.library;

import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Era-dependent parameter layouts (rules §1.3, §6): untied heads of older model files, MoE-gate exemptions. */
class LayoutEraTest {

    private static long bytes(String preset, String scheme, LocalDate built) {
        return ParameterBytes.of(TestScenarios.preset(preset).geometry(), Quantization.require(scheme), 1,
                LayoutEra.builtOn(built));
    }

    private static long now(String preset, String scheme) {
        return ParameterBytes.of(TestScenarios.preset(preset).geometry(), Quantization.require(scheme), 1);
    }

    @ParameterizedTest(name = "{0} {1} built {2}: +{3} B")
    @CsvSource({
        // llama built a separate lm_head until 52c06388 (2024-07-16): Llama-3.2-1B gains [128256, 2048];
        // q4f16_1 128256·64·18 = 147,750,912; q4f16_2 keeps the final fc in f16: 128256·2048·2 = 525,336,576
        "llama-3.2-1b, q4f16_1, 2024-06-01, 147750912",
        "llama-3.2-1b, q4f16_2, 2024-06-01, 525336576",
        "llama-3.2-1b, q4f16_1, 2024-07-16, 0",
        // qwen2 until 9be4b928 (2024-06-06): Qwen2.5-0.5B gains [151936, 896] → 151936·28·18 = 76,575,744
        "qwen2.5-0.5b, q4f16_1, 2024-06-05, 76575744",
        "qwen2.5-0.5b, q4f16_1, 2024-06-06, 0",
        // an untied model is the same in every era
        "llama-3-8b,   q4f16_1, 2024-01-10, 0"})
    void olderModelFilesBuiltASeparateHead(String preset, String scheme, String built, long extra) {
        assertThat(bytes(preset, scheme, LocalDate.parse(built)) - now(preset, scheme)).isEqualTo(extra);
    }

    @Test
    void moeGatesWereQuantizedBeforeA6d31d7fAndBoundedBy64UntilApril2025() {
        // Mixtral-8x7B before 2024-03-26: each layer's gate [8, 4096] q4f16_1 8·128·18 = 18,432 instead of
        // f16 8·4096·2 = 65,536; 32 layers → 32·47,104 = 1,507,328 B fewer
        assertThat(now("mixtral-8x7b", "q4f16_1") - bytes("mixtral-8x7b", "q4f16_1", LocalDate.of(2024, 3, 1)))
                .isEqualTo(1_507_328L);
        // 2024-06-02 … 2025-04-06: only gates with ≤ 64 outputs stay f16. Qwen3-30B-A3B's 128-expert gate
        // [128, 2048] is quantized: f16 524,288 → q4 128·64·18 = 147,456, 48 layers → 18,087,936 B fewer
        assertThat(now("qwen3-30b-a3b", "q4f16_1") - bytes("qwen3-30b-a3b", "q4f16_1", LocalDate.of(2024, 10, 1)))
                .isEqualTo(18_087_936L);
        // Qwen1.5-MoE's 60-expert gate and 1-output shared_expert_gate are within 64: unchanged
        assertThat(bytes("qwen1.5-moe-a2.7b", "q4f16_1", LocalDate.of(2024, 10, 1)))
                .isEqualTo(now("qwen1.5-moe-a2.7b", "q4f16_1"));
    }

    @ParameterizedTest(name = "{0} built {1}: prefill {2}")
    @CsvSource({
        // rules §2.2 history: = context until 23636e5c (2024-05-05) …
        "llama,     131072,   -1, 2024-04-01, 131072",
        "mistral,       -1, 4096, 2024-04-01,   4096",
        // … min(·, 2048) until 66fd62df (2024-09-18) for the files it changed, qwen2 included …
        "llama,     131072,   -1, 2024-08-01,   2048",
        "qwen2,      32768,   -1, 2024-08-01,   2048",
        "mistral,       -1, 4096, 2024-08-01,   2048",
        // … 8192 since; internlm2 8192 only until 8477ac0c (2024-12-06)
        "qwen2,      32768,   -1, 2024-09-18,   8192",
        "internlm2,  32768,   -1, 2024-10-01,   8192",
        "internlm2,  32768,   -1, 2024-12-06,   2048",
        // types outside that history keep their rule from creation (qwen3: 2048)
        "qwen3,      40960,   -1, 2025-05-01,   2048"})
    void genConfigPrefillDefaultsFollowTheirEra(String type, int context, int sliding, String built, int prefill) {
        ModelType t = ModelType.find(type).orElseThrow();
        assertThat(GenConfigDefaults.prefillChunkSize(t, context, sliding, context, LayoutEra.builtOn(LocalDate.parse(built))))
                .isEqualTo(prefill);
    }

    @Test
    void genConfigMaxBatchSizeWas80Before66fd62df() {
        assertThat(LayoutEra.builtOn(LocalDate.of(2024, 9, 17)).defaultMaxBatchSize()).isEqualTo(80);
        assertThat(LayoutEra.CURRENT.defaultMaxBatchSize()).isEqualTo(CompileConfig.DEFAULT_MAX_BATCH_SIZE);
    }
}
