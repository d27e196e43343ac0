package dev.kvlens.model;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.PhysicalAllocation;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the runtime really allocates for the new KV kinds (rules §3.8, §3.9): MLA latent pages, the hybrid state. */
class PhysicalKvKindsTest {

    private static final Quantization Q4F16_1 = Quantization.require("q4f16_1");
    private static final long GIB = 1024L * 1024 * 1024;

    /** A hybrid model as in the worked example of rules §3.8: 40 layers, every 4th full attention, so 30 GDN layers. */
    private static ModelLibrary hybrid() {
        ArchitectureDetails details = ArchitectureDetails.NONE.withLinearAttention(
                new ArchitectureDetails.LinearAttention(4, 128, 128, 16, 32, 4));
        ModelGeometry g = new ModelGeometry("qwen3_5", ModelFamily.fromModelType("qwen3_5"), 40, 16, 2, 256, 2048, 6144,
                248320, true, false).withDetails(details);
        return ModelLibrary.withGivenParams("hybrid", g, Q4F16_1, new CompileConfig(8192, 2048, 128, 1, 1, -1),
                ByteFigure.given(2 * GIB, "test"));
    }

    private static PhysicalAllocation physical(ModelLibrary library, EngineMode mode) {
        Estimate e = Estimator.estimate(TestScenarios.scenario(library, 80 * GIB, mode, RuleSet.D2025));
        return PhysicalAllocation.of(e, e.mode(mode).orElseThrow());
    }

    @Test
    void theHybridStateIsAllocatedForTwoSlotsPerSequence() {
        // rules §3.8: 2,146,304 B per layer per slot, 64,389,120 B per slot; local 8 slots = 491.25 MiB,
        // interactive 2 slots = 122.8 MiB, server B = 128 → 256 slots = 15.35 GiB
        assertThat(physical(hybrid(), EngineMode.LOCAL).rnnStateBytes()).isEqualTo(8 * 64_389_120.0);
        assertThat(physical(hybrid(), EngineMode.LOCAL).rnnStateBytes() / (1024 * 1024)).isEqualTo(491.25);
        assertThat(physical(hybrid(), EngineMode.INTERACTIVE).rnnStateSlots()).isEqualTo(2);
        assertThat(physical(hybrid(), EngineMode.SERVER).rnnStateBytes() / GIB).isBetween(15.35, 15.36);
        assertThat(physical(hybrid(), EngineMode.SERVER).warnings()).contains(PhysicalAllocation.Warning.HYBRID_STATE)
                .doesNotContain(PhysicalAllocation.Warning.FLASHINFER_WORKSPACE);
    }

    @Test
    void anMlaPageHoldsOneLatentEntryHalfOfWhatTheEstimateCounts() {
        // DeepSeek-V2-Lite-like: kv_lora_rank 512 + qk_rope_head_dim 64 → one latent head of d = 576 (rules §2.1)
        ArchitectureDetails details = ArchitectureDetails.NONE.withMla(new ArchitectureDetails.Mla(512, 0, 128, 64, 128));
        ModelGeometry g = new ModelGeometry("deepseek_v2", ModelFamily.fromModelType("deepseek_v2"), 27, 16, 16, 192,
                2048, 10944, 102400, false, false).withDetails(details);
        ModelLibrary mla = ModelLibrary.withGivenParams("mla", g, Q4F16_1, new CompileConfig(8192, 2048, 128, 1, 1, -1),
                ByteFigure.given(9 * GIB, "test"));

        PhysicalAllocation p = physical(mla, EngineMode.LOCAL);

        // T = 8192 → 513 pages; per layer 513 × 16 × 576 × 2 B; estimate T × (576 × 1 × 27 × 4 + 1.25)
        assertThat(mla.kvCache()).isEqualTo(new KvCacheGeometry(27, 16, 1, 576));
        assertThat(p.physicalKvPagesBytes()).isEqualTo(513.0 * 27 * 16 * 576 * 2);
        assertThat(p.estimatedKvPagesBytes()).isEqualTo(8192 * (576.0 * 27 * 4 + 1.25));
        assertThat(p.warnings()).contains(PhysicalAllocation.Warning.MLA_LATENT_PAGES);
    }

    @Test
    void flashInferIsNotCreatedWithASlidingWindow() {
        ModelLibrary gemma3Like = TestScenarios.library("llama-3-8b", "q4f16_1",
                new CompileConfig(8192, 8192, 128, 1, 1, 1024), 1_308_622_848L);

        PhysicalAllocation p = physical(gemma3Like, EngineMode.LOCAL);

        // function_table.cc: the FlashInfer creator is taken only when sliding_window_size == -1 (rules §3.9)
        assertThat(p.physicalWorkspaceBytes()).isEqualTo(48.0 * 1024 * 1024);
        assertThat(p.warnings()).contains(PhysicalAllocation.Warning.SLIDING_WINDOW_PAGES)
                .doesNotContain(PhysicalAllocation.Warning.FLASHINFER_WORKSPACE);
    }
}
