package dev.kvlens.model;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.PhysicalAllocation;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.planner.PlannerTarget;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kvlens.TestScenarios.H100_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Speculative decoding / additional models (rules §3.3, §3.4, §3.5, §3.8, §6.1). Every expected number is hand
 * arithmetic from the rules, written out in the comments; inputs (params, temp) are given explicitly.
 *
 * <p>Target: Llama-3-8B q4f16_1 (rules §7): L 32, q 32, k 8, d 128 (H 4096), V 128,256, S_c 8192, ctx 8192, batch 128,
 * params P1 = 4,517,404,672 B, tempFunc T1 = 1,308,622,848 B.
 * Draft: Llama-3.2-1B q4f16_1 geometry: L 16, q 32, k 8, d 64 (H 2048), V 128,256, compiled with ctx 4096, S_c 2048,
 * batch 64; params P2 = 700,000,000 B and tempFunc T2 = 300,000,000 B given. Device: H100, G = 85,027,979,264 B,
 * util 0.85f → G·util = 72,273,784,401.625 B (rules §7).
 */
class AdditionalModelsTest {

    static final long P1 = 4_517_404_672L;
    static final long T1 = 1_308_622_848L;
    static final long P2 = 700_000_000L;
    static final long T2 = 300_000_000L;

    static ModelLibrary target(int stages) {
        return TestScenarios.library("llama-3-8b", "q4f16_1", new CompileConfig(8192, 8192, 128, 1, stages, -1), T1)
                .withParamsBytes(ByteFigure.given(P1, "test"));
    }

    static ModelLibrary draft(int stages) {
        ModelGeometry g = new ModelGeometry("llama", ModelFamily.LLAMA, 16, 32, 8, 64, 2048, 8192, 128_256, true, false);
        CompileConfig c = new CompileConfig(4096, 2048, 64, 1, stages, -1);
        return new ModelLibrary("Llama-3.2-1B draft", g, Quantization.require("q4f16_1"), c, ChatConfigValues.matching(c),
                ByteFigure.given(P2, "test"), ByteFigure.given(T2, "test"), PlannerTarget.CUDA);
    }

    static ModelLibrary medusa() {
        // MedusaConfig: context and prefill -1 (rules §3.8); kv_state_kind "none" → kv_cache values all 0.
        ModelGeometry g = new ModelGeometry("medusa", ModelFamily.MEDUSA, 1, 1, 1, 4096, 4096, 0, 128_256, false, false);
        CompileConfig c = new CompileConfig(-1, -1, 128, 1, 1, -1);
        return new ModelLibrary("medusa heads", g, Quantization.require("q0f16"), c, new ChatConfigValues(-1, -1, -1),
                ByteFigure.given(1_000_000_000L, "test"), ByteFigure.given(50_000_000L, "test"), PlannerTarget.CUDA);
    }

    static Estimate estimate(ModelLibrary main, List<ModelLibrary> more, EngineMode mode, RuleSet rules) {
        return Estimator.estimate(TestScenarios.scenario(main, H100_BYTES, mode, rules).withAdditionalModels(more));
    }

    @Test
    void twoModelsSumEveryPerModelTermWithTheCommonBatch() {
        ModeEstimate m = estimate(target(1), List.of(draft(1)), EngineMode.LOCAL, RuleSet.D2025).selected();
        // §3.3: batch min(128, 64) = 64 → local B = min(4, 64) = 4; msl = min(8192, 4096) = 4096; prefill min = 2048.
        assertThat(m.maxNumSequence()).isEqualTo(4);
        // §3.4: params = (0 + P1)/1 + P2)/1 = 5,217,404,672; temp = max(T1, T2) × 2 = 2,617,245,696.
        assertThat(m.paramsBytes()).isEqualTo(5_217_404_672L);
        assertThat(m.tempBufferBytes()).isEqualTo(2_617_245_696L);
        // kv/token: 128·8·32·4 + 1.25 = 131,073.25 plus 64·8·16·4 + 1.25 = 32,769.25 → 163,842.5
        assertThat(m.kvBytesPerToken()).isEqualTo(163_842.5);
        // kv_aux: target 5·88 + 8192·33·8 + 8192·128·40·4 + 48 MiB = 220,266,936 (§7 table);
        //         draft 440 + 2048·33·8 + 2048·64·40·4 + 50,331,648 = 71,844,280 → 292,111,216
        assertThat(m.kvAuxBytes()).isEqualTo(292_111_216.0);
        // model_ws: target 32,768 + 16 + 16,388·4096·2 = 134,283,280; draft 8192 + 16 + 4100·2048·2 = 16,801,808
        assertThat(m.modelWorkspaceBytes()).isEqualTo(151_085_088.0);
        // logit_ws: 2 × (4·20 + 4·128,256·16.125) = 2 × 8,272,592
        assertThat(m.logitWorkspaceBytes()).isEqualTo(16_545_184.0);
        // Tmax = ⌊(72,273,784,401.625 − 5,217,404,672 − 2,617,245,696 − 292,111,216 − 151,085,088 − 16,545,184)
        //         / 163,842.5⌋ = ⌊63,979,392,545.625 / 163,842.5⌋ = 390,493
        assertThat(m.capacityFromMemory()).isEqualTo(390_493);
        // T = min(390,493, 4096, 8192) = 4096; P = min(2048, 4096, 4096) = 2048
        assertThat(m.maxTotalSequenceLength()).isEqualTo(4096);
        assertThat(m.prefillChunkSize()).isEqualTo(2048);
    }

    @Test
    void twoModelLogLinesCarryTheSums() {
        Estimate e = estimate(target(1), List.of(draft(1)), EngineMode.LOCAL, RuleSet.D2025);
        // total = 5,217,404,672 + 2,617,245,696 + 292,111,216 + 151,085,088 + 16,545,184 + 4096 × 163,842.5
        //       = 8,965,490,736 B = 8550.158 MiB; params 4975.705; KV 4096 × 163,842.5 + 292,111,216 = 963,210,096
        //       = 918.589 MiB; temp 151,085,088 + 16,545,184 + 2,617,245,696 = 2,784,875,968 = 2655.865 MiB
        assertThat(MlcLogFormatter.logLines(e)).contains(
                "Under mode \"local\", max batch size will be set to 4, max KV cache token capacity will be set to 4096, "
                        + "prefill chunk size will be set to 2048. ",
                "Estimated total single GPU memory usage: 8550.158 MB (Parameters: 4975.705 MB. KVCache: 918.589 MB. "
                        + "Temporary buffer: 2655.865 MB). The actual usage might be slightly larger than the estimated number.");
        // server: B = min over models of max_batch_size = 64; T = min(Tmax 388,973, 64 × 4096 = 262,144)
        ModeEstimate server = e.mode(EngineMode.SERVER).orElseThrow();
        assertThat(server.maxNumSequence()).isEqualTo(64);
        assertThat(server.capacityFromMemory()).isEqualTo(388_973);
        assertThat(server.maxTotalSequenceLength()).isEqualTo(262_144);
    }

    @Test
    void pipelineStagesDivideTheRunningSumInsideTheLoop() {
        ModeEstimate m = estimate(target(2), List.of(draft(2)), EngineMode.LOCAL, RuleSet.D2025).selected();
        // §3.4 quirk: ((P1 / 2) + P2) / 2 = (2,258,702,336 + 700,000,000) / 2 = 1,479,351,168
        // (not (P1 + P2) / 2 = 2,608,702,336: the target's bytes are halved twice)
        assertThat(m.paramsBytes()).isEqualTo(1_479_351_168L);
        // temp is not divided: max(T1, T2) × 2
        assertThat(m.tempBufferBytes()).isEqualTo(2_617_245_696L);
        // KV layers ⌊32/2⌋ = 16 and ⌊16/2⌋ = 8: 128·8·16·4 + 1.25 + 64·8·8·4 + 1.25 = 65,537.25 + 16,385.25
        assertThat(m.kvBytesPerToken()).isEqualTo(81_922.5);
        // (72,273,784,401.625 − 1,479,351,168 − 2,617,245,696 − 292,111,216 − 151,085,088 − 16,545,184) / 81,922.5
        //  = 67,717,446,049.625 / 81,922.5 → 826,603
        assertThat(m.capacityFromMemory()).isEqualTo(826_603);
    }

    @Test
    void medusaAddsItsMinusOneTermsAndLeavesTheLimitsAlone() {
        ModeEstimate m = estimate(target(1), List.of(medusa()), EngineMode.LOCAL, RuleSet.D2025).selected();
        // limits: Medusa's −1 context and prefill are ignored (§3.3) → msl 8192, prefill 8192; batch min(128, 128)
        assertThat(m.maxTotalSequenceLength()).isEqualTo(8192);
        assertThat(m.prefillChunkSize()).isEqualTo(8192);
        // params P1 + 1,000,000,000; temp max(T1, 50,000,000) × 2
        assertThat(m.paramsBytes()).isEqualTo(5_517_404_672L);
        assertThat(m.tempBufferBytes()).isEqualTo(2_617_245_696L);
        // §3.8: Medusa adds 1.25 B/token → 131,073.25 + 1.25
        assertThat(m.kvBytesPerToken()).isEqualTo(131_074.5);
        // kv_aux Medusa: (4+1)·88 + (−1)·(0+1)·8 + (−1)·0 + 50,331,648 = 50,332,080 → 220,266,936 + 50,332,080
        assertThat(m.kvAuxBytes()).isEqualTo(270_599_016.0);
        // model_ws Medusa: (−1)·4 + 4·4 + (−2 + 4)·0·2 = 12 → 134,283,280 + 12
        assertThat(m.modelWorkspaceBytes()).isEqualTo(134_283_292.0);
        // logit_ws Medusa: its own 4·20 + 4·128,256·16.125 = 8,272,592 → ×2
        assertThat(m.logitWorkspaceBytes()).isEqualTo(16_545_184.0);
        // (72,273,784,401.625 − 5,517,404,672 − 2,617,245,696 − 270,599,016 − 134,283,292 − 16,545,184) / 131,074.5
        //  → 486,118
        assertThat(m.capacityFromMemory()).isEqualTo(486_118);
    }

    @Test
    void eraCSumsParametersWithoutDivisionAndTakesTheMaxTempWithoutDoubling() {
        ModeEstimate m = estimate(target(2), List.of(draft(2)), EngineMode.LOCAL, RuleSet.C2024).selected();
        // §6.1: params P1 + P2 = 5,217,404,672 even with pp = 2; temp max(T1, T2) = 1,308,622,848 (no ×2)
        assertThat(m.paramsBytes()).isEqualTo(5_217_404_672L);
        assertThat(m.tempBufferBytes()).isEqualTo(1_308_622_848L);
        // no ÷pp on layers either: 131,073.25 + 32,769.25
        assertThat(m.kvBytesPerToken()).isEqualTo(163_842.5);
        // batch: min over model_config.max_batch_size = 64 → local 4; workspaces as in era D
        assertThat(m.maxNumSequence()).isEqualTo(4);
        assertThat(m.kvAuxBytes()).isEqualTo(292_111_216.0);
        // G × 0.85 = 72,273,782,374.4; (that − 5,217,404,672 − 1,308,622,848 − 292,111,216 − 151,085,088 − 16,545,184)
        //  / 163,842.5 = 398,480.33 → 398,480 (a Python int)
        assertThat(m.capacityFromMemory()).isEqualTo(398_480);
        // T = min(Tmax, 4096, 8192) = 4096; P = min(2048, Tmax, 4096) = 2048
        assertThat(m.maxTotalSequenceLength()).isEqualTo(4096);
        assertThat(m.prefillChunkSize()).isEqualTo(2048);
        // printed with %.2f: total 5,217,404,672 + 1,308,622,848 + 292,111,216 + 151,085,088 + 16,545,184
        //   + 4096 × 163,842.5 = 7,656,867,888 B = 7302.16 MB, params 4975.70, KV 918.59, temp 1407.86
        Estimate e = estimate(target(2), List.of(draft(2)), EngineMode.LOCAL, RuleSet.C2024);
        assertThat(String.join("\n", MlcLogFormatter.logLines(e)))
                .contains("7302.16 MB (Parameters: 4975.70 MB. KVCache: 918.59 MB. Temporary buffer: 1407.86 MB)");
    }

    @Test
    void eraCNamesTheAdditionalModelThatBreaksItsLimits() {
        ModelLibrary tooLong = draft(1).withChatConfig(new ChatConfigValues(8192, 2048, 2048));
        // §6.1: a runtime context above the compile-time one is a ValueError, for model i
        assertThatThrownBy(() -> estimate(target(1), List.of(tooLong), EngineMode.LOCAL, RuleSet.C2024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Model 1's runtime context window size (8192) is larger than the context window size used "
                        + "at compile time (4096)");
    }

    @Test
    void mixingAnRnnModelWithKvModelsIsMlcsError() {
        ModelGeometry rwkv = new ModelGeometry("rwkv6", ModelFamily.RWKV, 24, 32, 32, 64, 2048, 7168, 65_536, false, false);
        CompileConfig c = new CompileConfig(-1, 4096, 128, 1, 1, -1);
        ModelLibrary rnn = new ModelLibrary("rwkv", rwkv, Quantization.require("q4f16_1"), c, ChatConfigValues.matching(c),
                ByteFigure.given(1, "t"), ByteFigure.given(1, "t"), PlannerTarget.CUDA);
        // config.cc ModelsUseKVCache (§3.1)
        assertThatThrownBy(() -> estimate(target(1), List.of(rnn), EngineMode.LOCAL, RuleSet.D2025))
                .hasMessage("Invalid models in EngineConfig. Models must be all RNN model or none model is RNN model.");
    }

    @Test
    void singleModelScenariosAreUnchangedByAnEmptyList() {
        Estimate one = Estimator.estimate(TestScenarios.scenario(target(1), H100_BYTES, EngineMode.SERVER, RuleSet.D2025));
        // rules §7 scenario A, server on the H100: Tmax 492,234
        assertThat(one.selected().capacityFromMemory()).isEqualTo(492_234);
        assertThat(one.scenario().models()).hasSize(1);
    }

    @Test
    void physicalMemoryAddsEachKvCacheAndTheDraftTokenWorkspace() {
        Estimate e = estimate(target(1), List.of(draft(1)), EngineMode.LOCAL, RuleSet.D2025);
        PhysicalAllocation p = PhysicalAllocation.of(e, e.selected());
        // T 4096 → ⌈4096/16⌉ + 1 = 257 pages per cache; target 257·32·2·8·16·128·2 = 538,968,064,
        // draft 257·16·2·8·16·64·2 = 134,742,016
        assertThat(p.pages()).isEqualTo(257);
        assertThat(p.physicalKvPagesBytes()).isEqualTo(673_710_080.0);
        // FlashInfer (CUDA, f16) per KV cache: 2 × (768 + 24) MiB; the estimate counts 2 × 48 MiB
        assertThat(p.physicalWorkspaceBytes()).isEqualTo(2 * 792.0 * 1024 * 1024);
        assertThat(p.estimatedWorkspaceBytes()).isEqualTo(2 * 48.0 * 1024 * 1024);
        // draft-token workspace: two f32 [2B, V] = 2 · 8 · 128,256 · 4 = 8,208,384 B (no hidden states without Eagle)
        assertThat(p.draftWorkspaceBytes()).isEqualTo(8_208_384.0);
    }

    @Test
    void eagleAlsoAllocatesHiddenStatesAndMedusaNoKvCache() {
        // An Eagle draft (family EAGLE): one decoder layer of the target's width.
        ModelLibrary d = draft(1);
        ModelGeometry eagleGeometry = new ModelGeometry("eagle", ModelFamily.EAGLE, 1, 32, 8, 128, 4096, 14336, 128_256,
                false, false);
        ModelLibrary eagleModel = new ModelLibrary("eagle", eagleGeometry, d.quantization(), d.compile(), d.chatConfig(),
                d.paramsBytes(), d.tempFuncBytes(), d.target());
        Estimate e = estimate(target(1), List.of(eagleModel), EngineMode.LOCAL, RuleSet.D2025);
        // 8,208,384 + [2B, hidden] in the target's f16: 8 · 4096 · 2 = 65,536 → 8,273,920
        assertThat(PhysicalAllocation.of(e, e.selected()).draftWorkspaceBytes()).isEqualTo(8_273_920.0);

        Estimate withMedusa = estimate(target(1), List.of(medusa()), EngineMode.LOCAL, RuleSet.D2025);
        PhysicalAllocation p = PhysicalAllocation.of(withMedusa, withMedusa.selected());
        // Medusa creates no KV cache: only the target's 8192/16 + 1 = 513 pages, 513·32·2·8·16·128·2 = 1,075,838,976
        assertThat(p.physicalKvPagesBytes()).isEqualTo(1_075_838_976.0);
        assertThat(p.physicalWorkspaceBytes()).isEqualTo(792.0 * 1024 * 1024);
    }

    @Test
    void eraCHasNoMedusa() {
        assertThatThrownBy(() -> estimate(target(1), List.of(medusa()), EngineMode.LOCAL, RuleSet.C2024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Medusa");
    }
}
