package dev.kvlens.model.library;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import dev.kvlens.app.CliTestAccess;
import dev.kvlens.model.planner.PlannerTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which temporary-buffer figure an unmeasured library gets, and how it is labelled (rules §4.2, §4.3.5). */
class TempBufferSourceTest {

    /** Qwen2-0.5B as its WebLLM library was built (../shared/mlc-libs-dev configs): h 896, I 4864, 24 layers. */
    private static final ModelGeometry QWEN2_05B = new ModelGeometry("qwen2", ModelFamily.QWEN2, 24, 14, 2, 64, 896,
            4864, 151936, true, false);
    private static final CompileConfig WEBLLM_CS1K = new CompileConfig(4096, 1024, 80, 1, 1, -1);
    private static final Quantization Q4F16_1 = Quantization.require("q4f16_1");

    @Test
    void aWebGpuBuildGetsThePlannersExactFigure() {
        ByteFigure temp = TempBufferSource.estimate(QWEN2_05B, Q4F16_1, WEBLLM_CS1K, PlannerTarget.WEBGPU);

        // rules §4.3.4 worked example and the mlc-libs-dev index (v0_2_48 ctx4k_cs1k): batch_verify 662,175,744 B
        assertThat(temp.bytes()).isEqualTo(662_175_744L);
        assertThat(temp.provenance()).isEqualTo(ByteFigure.Provenance.COMPUTED);
        assertThat(temp.detail()).contains("webgpu").contains("batch_verify");
    }

    @Test
    void aCudaBuildKeepsTheHeuristicAndSaysSo() {
        ByteFigure temp = TempBufferSource.estimate(QWEN2_05B, Q4F16_1, WEBLLM_CS1K, PlannerTarget.CUDA);

        // §4.2: S·V·4 + S·(2W + W/2 + 3h)·2 with W = 9728 → 1024·(607,744 + 2·(19,456 + 4,864 + 2,688)) = 677,642,240
        assertThat(temp.bytes()).isEqualTo(1024L * (151936 * 4 + 2 * (2 * 9728 + 9728 / 2 + 3 * 896)));
        assertThat(temp.provenance().exact()).isFalse();
    }

    @Test
    void anUnvalidatedTargetGetsThePlannerLabelledEstimated() {
        ByteFigure temp = TempBufferSource.estimate(QWEN2_05B, Q4F16_1, WEBLLM_CS1K, PlannerTarget.METAL);

        // TX 1024 on a Mac: 896 is not a multiple, so no FuseAddRMSNorm, the same op sequence as webgpu's
        assertThat(temp.bytes()).isEqualTo(662_175_744L);
        assertThat(temp.provenance().exact()).isFalse();
        assertThat(temp.detail()).contains("not validated");
    }

    @Test
    void aFamilyThePlannerDoesNotModelFallsBackToTheHeuristic() {
        ModelGeometry qwen3 = new ModelGeometry("qwen3", ModelFamily.QWEN3, 28, 16, 8, 128, 2048, 6144, 151936, true, false);

        ByteFigure temp = TempBufferSource.estimate(qwen3, Q4F16_1, new CompileConfig(40960, 2048, 128, 1, 1, -1),
                PlannerTarget.WEBGPU);

        // rules §4.2 check 2: Qwen3-1.7B q4f16_1 → 1331.00 MiB
        assertThat(temp.bytes()).isEqualTo(1331L * 1024 * 1024);
        assertThat(temp.provenance()).isEqualTo(ByteFigure.Provenance.HEURISTIC);
    }

    @Test
    void anMoeModelsHeuristicUsesTheRoutedExpertWidth() {
        ModelDescription mixtral = TestScenarios.preset("mixtral-8x7b");
        CompileConfig compile = mixtral.compile().withPrefillChunkSize(2048);

        ByteFigure temp = TempBufferSource.estimate(mixtral.geometry(), Q4F16_1, compile, PlannerTarget.CUDA);

        // HF config: h 4096, expert width 14336, 2 experts per token. MLC's MoE gathers the routed tokens to
        // [S·2, h] and runs e1_e3 as [S·2, 2·14336]: W = 2·2·14336 = 57,344; symbolic vocab, n_h 2, a 2
        assertThat(temp.bytes()).isEqualTo(2048L * (2 * 57_344 + 57_344 / 2 + 2 * 4096) * 2);
        assertThat(temp.provenance()).isEqualTo(ByteFigure.Provenance.HEURISTIC);
        assertThat(temp.detail()).contains("MoE").contains("estimate");
    }

    @Test
    void aLibraryRemembersItsTargetWhenRecompiled() {
        ModelLibrary library = ModelLibrary.build(TestScenarios.preset("llama-3-8b"), Q4F16_1,
                TestScenarios.preset("llama-3-8b").compile(), null, null, PlannerTarget.WEBGPU);

        ModelLibrary recompiled = library.withCompile(library.compile().withPrefillChunkSize(1024));

        assertThat(recompiled.target()).isEqualTo(PlannerTarget.WEBGPU);
        assertThat(recompiled.tempFuncBytes().provenance()).isEqualTo(ByteFigure.Provenance.COMPUTED);
        assertThat(recompiled.tempFuncBytes().bytes()).isLessThan(library.tempFuncBytes().bytes());
    }

    @Test
    void compileReportTakesTheTarget() {
        String config = dev.kvlens.SharedData.path(
                "mlc-libs-dev/configs/web-llm-models__v0_2_48__Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm.config.json")
                .toString();

        String[] out = CliTestAccess.run("compile-report", "--hf-config", config, "--quantization", "q4f16_1",
                "--context-window-size", "4096", "--compile-prefill-chunk-size", "1024", "--max-batch-size", "80",
                "--target", "webgpu");
        String[] bad = CliTestAccess.run("compile-report", "--hf-config", config, "--quantization", "q4f16_1",
                "--target", "tpu");

        // 662,175,744 B = 631.50 MiB (the library's own max memory_usage); 277,996,288 B of parameters = 265.12 MiB
        assertThat(out[1]).startsWith("Total memory usage without KV cache: 896.62 MB (Parameters: 265.12 MB. "
                + "Temporary buffer: 631.50 MB)");
        assertThat(out[2]).doesNotContain("approximate");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("--target: unknown target 'tpu'");
    }
}
