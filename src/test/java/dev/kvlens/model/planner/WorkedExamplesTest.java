package dev.kvlens.model.planner;

import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two worked examples of rules §4.3.4, by hand arithmetic, through the public facade. */
class WorkedExamplesTest {

    @Test
    void llama2SevenBOnMaliWithFusedAddNorm() {
        ModelGeometry llama = new ModelGeometry("llama", ModelFamily.LLAMA, 32, 32, 32, 128, 4096, 11008, 32000,
                false, false);
        PlannerInput in = dev.kvlens.model.library.TempBufferSource.plannerInput(llama, Quantization.require("q4f16_1"),
                new CompileConfig(4096, 4096, 1, 1, 1, -1), PlannerTarget.MALI, BuildFunctions.STANDARD);
        TempBufferPlan plan = TempBufferModel.plan(in).orElseThrow();
        // T = 2·(2·22016 + 11008 + 4096) = 118,272; prefill = 4096·118,272 + 4096·2 (the [1, h] gather)
        assertEquals(4096L * 118_272 + 8_192, plan.functions().get("prefill"));
        assertEquals(484_450_304L, plan.maxBytes());
        assertEquals("prefill", plan.maxFunction());
        assertEquals(118_272L, plan.functions().get("decode")); // T, symbolic vocab: no logits
        assertTrue(plan.fused());
        assertEquals(Provenance.VALIDATED, plan.provenance());
    }

    @Test
    void qwen2HalfBOnWebGpuWithoutFusedAddNorm() {
        PlannerInput in = new PlannerInput("qwen2", 896, 4864, 14, 2, 64, 151_936, 24, true, 2, 1024, 80, 1,
                PlannerTarget.WEBGPU, 0, BuildFunctions.STANDARD, false);
        TempBufferPlan plan = TempBufferModel.plan(in).orElseThrow();
        // 896 % 256 ≠ 0: no F. T = 2·(9728 + 4864 + max(4864, (14 + 4)·64)) = 38,912
        // batch_verify = 1024·151,936·4 + 1024·38,912 = 622,329,856 + 39,845,888
        assertEquals(662_175_744L, plan.functions().get("batch_verify"));
        assertEquals(662_175_744L, plan.maxBytes());
        assertEquals("batch_verify", plan.maxFunction());
        assertFalse(plan.fused());
    }
}
