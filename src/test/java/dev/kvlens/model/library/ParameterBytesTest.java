package dev.kvlens.model.library;

import dev.kvlens.model.Mib;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parameter bytes, checked two independent ways: against numbers MLC printed, and for every preset ×
 * common scheme against the "bits per weight" column of rules §5 applied to element counts written out
 * here per family (exact because every preset dimension is a multiple of the group sizes).
 */
class ParameterBytesTest {

    @ParameterizedTest(name = "{0} {1} (TP {2}) = {3} MiB as MLC printed")
    @CsvSource({
        // rules §7 and the common "4308.133 MB"
        "llama-3-8b,    q4f16_1, 1, 4308.133",
        // mlc-2026 / zhjunqin compile logs
        "llama-2-7b,    q4f16_1, 1, 3615.13",
        // PR #2128 (Parameters: 12852.51 MB)
        "llama-2-7b,    q0f16,   1, 12852.51",
        // issue #3254, per GPU with tensor_parallel_shards 4
        "llama-2-7b,    q0f16,   4, 3588.508",
        // zhjunqin RedPajama compile log (1491.34)
        "redpajama-3b,  q4f16_1, 1, 1491.34",
        // issue #1556 phi-2 (1492.45)
        "phi-2,         q4f16_1, 1, 1492.45",
        // PR #3221 sample, Qwen3-1.7B (923.16)
        "qwen3-1.7b,    q4f16_1, 1, 923.16",
        // BentoMLC q0f16 compile log (15316.51)
        "llama-3-8b,    q0f16,   1, 15316.51",
        // April 2024 compile log of Llama-3-70B (37849.77); same geometry as the 3.1 preset
        "llama-3.1-70b, q4f16_1, 1, 37849.77"})
    void matchesWhatMlcPrinted(String preset, String scheme, int tp, String mib) {
        long bytes = ParameterBytes.of(TestScenarios.preset(preset).geometry(), Quantization.require(scheme), tp);
        // as many decimals as the log printed (3 for C++ runtime lines, 2 for Python lines)
        assertThat(Mib.format(bytes, new java.math.BigDecimal(mib).scale())).isEqualTo(mib);
    }

    @Test
    void llama3_8bQ4f16_1IsExactToTheByte() {
        // rules §7: 32 × 122,699,776 + 2 × 295,501,824 + 8,192
        assertThat(ParameterBytes.of(TestScenarios.preset("llama-3-8b").geometry(), Quantization.require("q4f16_1"), 1))
                .isEqualTo(32L * 122_699_776 + 2 * 295_501_824L + 8_192).isEqualTo(4_517_404_672L);
    }

    @ParameterizedTest(name = "Llama-3-8B {0} = {1} B")
    @CsvSource({
        // q3f16_1: groups of 40 → ceil(4096/40) = 103 and ceil(14336/40) = 359 groups of 16 B words + 2 B scale:
        // layer = 6144·103·18 + 4096·103·18 + 28672·103·18 + 4096·359·18 + 2·4096·2 = 98,627,584;
        // × 32 + 2 · 128256·103·18 + 8192
        "q3f16_1,  3631664128",
        // q4f16_ft: linears int8 [in, out/2] + f16 scale [out]; embedding and lm_head fall back to group q4:
        // layer = 4096·3072+12288 + 4096·2048+8192 + 4096·14336+57344 + 14336·2048+8192 + 16384 = 109,154,304
        "q4f16_ft, 4083949568",
        // fp8 per tensor: 1 B/weight for the 128 linears, f16 embedding and lm_head, + f32 scales (e4m3: 2 per linear)
        "e5m2_e5m2_f16, 9081200640",
        "e4m3_e4m3_f16, 9081201664",
        "e4m3_e4m3_f16_max_calibrate, 9081201152"})
    void handArithmeticForSchemesWithoutAFlatBitRate(String scheme, long expected) {
        assertThat(ParameterBytes.of(TestScenarios.preset("llama-3-8b").geometry(), Quantization.require(scheme), 1))
                .isEqualTo(expected);
    }

    static Stream<Arguments> presetsAndSchemes() {
        List<String> schemes = List.of("q0f16", "q0bf16", "q0f32", "q4f16_0", "q4f16_1", "q4bf16_1", "q4f32_1",
                "q4f16_2", "q4f16_autoawq");
        List<Arguments> all = new ArrayList<>();
        // the element counts below are written for these dense families; MoE, MLA, hybrid and the other registry
        // types are checked by hand arithmetic in io.RegistryTypesTest and against real libraries
        java.util.Set<ModelFamily> counted = java.util.EnumSet.of(ModelFamily.LLAMA, ModelFamily.MISTRAL,
                ModelFamily.QWEN2, ModelFamily.QWEN3, ModelFamily.PHI3, ModelFamily.GEMMA, ModelFamily.GEMMA2,
                ModelFamily.GPT_NEOX, ModelFamily.PHI);
        for (ModelDescription model : TestScenarios.catalog().models()) {
            if (!counted.contains(model.geometry().family())) {
                continue;
            }
            for (String scheme : schemes) {
                ModelGeometry g = model.geometry();
                boolean awqGroupsExact = g.hiddenSize() % 128 == 0 && g.intermediateSize() % 128 == 0
                        && ((long) g.numAttentionHeads() * g.headDim()) % 128 == 0;
                if (scheme.equals("q4f16_autoawq") && !awqGroupsExact) {
                    continue; // the flat 4.156 bits/weight needs every input dimension to be a multiple of 128
                }
                all.add(Arguments.of(model.id(), scheme));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("presetsAndSchemes")
    void everyPresetMatchesTheBitsPerWeightTable(String preset, String scheme) {
        ModelGeometry g = TestScenarios.preset(preset).geometry();
        // rules §5: AWQ only for llama, llava, eagle, olmo and nemotron; mlc_llm compile fails with a KeyError
        if (scheme.equals("q4f16_autoawq") && !List.of("llama", "llava", "eagle", "olmo", "nemotron")
                .contains(g.modelType())) {
            assertThatThrownBy(() -> ParameterBytes.of(g, Quantization.require(scheme), 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KeyError: 'awq'");
            return;
        }
        Counts c = Counts.of(g);
        double expected = switch (scheme) {
            case "q0f16", "q0bf16" -> 2.0 * (c.linear + c.tables + c.vectors) + 4.0 * c.f32Vectors;
            case "q0f32" -> 4.0 * (c.linear + c.tables + c.vectors + c.f32Vectors);
            case "q4f16_0", "q4f16_1", "q4bf16_1" -> 4.5 / 8 * (c.linear + c.tables) + 2.0 * c.vectors + 4.0 * c.f32Vectors;
            case "q4f32_1" -> 5.0 / 8 * (c.linear + c.tables) + 4.0 * (c.vectors + c.f32Vectors);
            case "q4f16_2" -> 4.5 / 8 * c.linear + 2.0 * (c.tables + c.vectors) + 4.0 * c.f32Vectors;
            case "q4f16_autoawq" -> (4 + 20.0 / 128) / 8 * c.linear + 2.0 * (c.tables + c.vectors) + 4.0 * c.f32Vectors;
            default -> throw new IllegalArgumentException(scheme);
        };
        assertThat((double) ParameterBytes.of(g, Quantization.require(scheme), 1)).isEqualTo(expected);
    }

    @Test
    void tensorParallelShardsReplicateEmbeddingAndLmHead() {
        ModelGeometry g = TestScenarios.preset("llama-2-7b").geometry();
        Quantization q0 = Quantization.require("q0f16");
        long tables = 2L * 32000 * 4096 * 2;
        long norms = (32L * 2 + 1) * 4096 * 2;
        long layersOnOneGpu = ParameterBytes.of(g, q0, 1) - tables - norms;
        assertThat(ParameterBytes.of(g, q0, 4)).isEqualTo(layersOnOneGpu / 4 + tables + norms);
    }

    @Test
    void unevenSplitsAndUnknownLayoutsAreRejectedWithAReason() {
        ModelGeometry llama = TestScenarios.preset("llama-3-8b").geometry();
        assertThatThrownBy(() -> ParameterBytes.of(llama, Quantization.require("q4f16_1"), 3))
                .hasMessageContaining("Cannot split");
        ModelGeometry unknown = new ModelGeometry("mamba", ModelFamily.UNKNOWN, 32, 32, 32, 128, 4096, 11008, 32000,
                false, false);
        assertThatThrownBy(() -> ParameterBytes.of(unknown, Quantization.require("q4f16_1"), 1))
                .hasMessageContaining("--params-bytes");
    }

    /** Element counts per role, written out per family from the model code (independent of ParameterLayout). */
    private record Counts(long linear, long tables, long vectors, long f32Vectors) {
        static Counts of(ModelGeometry g) {
            long h = g.hiddenSize();
            long d = g.headDim();
            long q = g.numAttentionHeads();
            long kv = g.numKeyValueHeads();
            long i = g.intermediateSize();
            long v = g.vocabSize();
            long layers = g.numHiddenLayers();
            return switch (g.family()) {
                case GPT_NEOX -> new Counts(layers * (3 * q * d * h + h * q * d + i * h + h * i), 2 * v * h,
                        layers * (4 * h + 3 * q * d + h) + 2 * h, layers * (i + h));
                case PHI -> new Counts(layers * ((q + 2 * kv) * d * h + h * q * d + i * h + h * i), 2 * v * h,
                        layers * (2 * h + (q + 2 * kv) * d + h + i + h) + 2 * h + v, 0);
                default -> {
                    long perLayerLinear = (q + 2 * kv) * d * h + h * q * d + 2 * i * h + h * i;
                    long norms = g.family() == ModelFamily.GEMMA2 ? 4 * h : 2 * h;
                    long extra = switch (g.family()) {
                        case QWEN2 -> (q + 2 * kv) * d;
                        case QWEN3 -> 2 * d;
                        default -> 0;
                    };
                    boolean tied = g.family() == ModelFamily.GEMMA2 || g.tieWordEmbeddings();
                    yield new Counts(layers * perLayerLinear, (tied ? 1 : 2) * v * h, layers * (norms + extra) + h, 0);
                }
            };
        }
    }
}
