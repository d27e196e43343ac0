package dev.kvlens.model.planner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coverage, provenance and FuseAddRMSNorm's target condition of the facade (rules §4.3.2, §4.3.5). */
class TempBufferModelTest {

    /** Qwen2-1.5B q4f16_1: h = 1536 = 6·256 (fused on webgpu per §4.3.2), not a multiple of 1024. */
    private static PlannerInput qwen2OnePointFiveB(PlannerTarget target, int threads, int shards) {
        return new PlannerInput("qwen2", 1536, 8960, 12, 2, 128, 151_936, 28, true, 2, 1024, 80, shards, target,
                threads, BuildFunctions.STANDARD, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwen3", "qwen3_moe", "mixtral", "deepseek_v3", "qwen3_5", "llava", "gpt2", "rwkv6"})
    void familiesOutsideSectionFourThreeAreNotModelled(String type) {
        PlannerInput in = new PlannerInput(type, 2048, 8192, 16, 8, 128, 32000, 24, false, 2, 2048, 128, 1,
                PlannerTarget.WEBGPU, 0, BuildFunctions.STANDARD, false);
        assertTrue(TempBufferModel.plan(in).isEmpty());
        assertTrue(TempBufferModel.max(in).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"WEBGPU,1,VALIDATED", "ANDROID,1,VALIDATED", "IPHONE,1,VALIDATED", "MALI,1,VALIDATED",
            "WEBGPU,2,ESTIMATED", "VULKAN,1,ESTIMATED", "METAL,1,ESTIMATED", "OPENCL,1,ESTIMATED",
            "CUDA,1,HEURISTIC_TARGET", "ROCM,2,HEURISTIC_TARGET"})
    void provenanceFollowsSectionFourThreeFive(PlannerTarget target, int shards, Provenance expected) {
        assertEquals(expected, TempBufferModel.plan(qwen2OnePointFiveB(target, 0, shards)).orElseThrow().provenance());
    }

    @Test
    void fusedOnWebGpuAndAdrenoButNotWithCudasThousandAndTwentyFourThreads() {
        assertTrue(TempBufferModel.plan(qwen2OnePointFiveB(PlannerTarget.WEBGPU, 0, 1)).orElseThrow().fused());
        assertTrue(TempBufferModel.plan(qwen2OnePointFiveB(PlannerTarget.ANDROID, 512, 1)).orElseThrow().fused());
        assertFalse(TempBufferModel.plan(qwen2OnePointFiveB(PlannerTarget.CUDA, 0, 1)).orElseThrow().fused());
    }

    @Test
    void unfusedHalfPrecisionFollowsTheF32FormWithTwoBytes() {
        // §4.3.2: without F an f16 build follows a·(W + I + max(I, qkv)); W = 17,920, qkv = (12 + 4)·128 = 2048
        long t = 2L * (17_920 + 8_960 + 8_960);
        long verify = TempBufferModel.plan(qwen2OnePointFiveB(PlannerTarget.CUDA, 0, 1)).orElseThrow()
                .functions().get("batch_verify");
        assertEquals(1024L * t + 1024L * 151_936 * 4, verify);
        // with F (webgpu): a·(2W + I + h)
        long fused = 2L * (2 * 17_920 + 8_960 + 1536);
        assertEquals(1024L * fused + 1024L * 151_936 * 4, TempBufferModel.plan(
                qwen2OnePointFiveB(PlannerTarget.WEBGPU, 0, 1)).orElseThrow().functions().get("batch_verify"));
    }

    @Test
    void targetsParseFromMlcNamesAndRuntimeBackends() {
        assertEquals(PlannerTarget.WEBGPU, PlannerTarget.fromMlcName(" WebGPU "));
        assertEquals(PlannerTarget.METAL, dev.kvlens.model.Backend.METAL.plannerTarget());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PlannerTarget.fromMlcName("llvm"));
        assertEquals("unknown target 'llvm' (expected cuda, rocm, vulkan, metal, opencl, webgpu, android, iphone"
                + " or mali)", e.getMessage());
    }
}
