package dev.kvlens.model.planner;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The closed forms of rules §4.3.4 against the planner on random realistic geometries, for the cases §4.3.5 says
 * they hold: llama-type with and without F, gemma without F, gpt_neox, for stacks of ≥ 2 layers (one layer plans
 * one [S, h] token fewer: the forms describe the repeating layer). {@code batch_prefill} is left out (its
 * gather term is the planner's call, §4.3.4). Seeded; the seed and the input are printed on failure.
 */
class ClosedFormsTest {

    private static final long SEED = 20_261_201L;

    @Test
    void closedFormsEqualThePlanner() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1_000; i++) {
            String type = new String[]{"llama", "qwen2", "gemma", "gpt_neox"}[random.nextInt(4)];
            int d = random.nextBoolean() ? 64 : 128;
            int q = 4 * (2 + random.nextInt(15));
            int h = q * d;
            int kv = type.equals("gpt_neox") ? q : q / new int[]{1, 2, 4, 8}[random.nextInt(4)];
            int inter = 128 * (h * (type.equals("gpt_neox") ? 4 : 2 + random.nextInt(3)) / 128);
            int a = type.equals("gemma") || random.nextBoolean() ? 4 : 2;
            int s = 128 << random.nextInt(7);
            int b = 1 + random.nextInt(256);
            PlannerInput in = new PlannerInput(type, h, inter, q, kv, d, 32_000 + random.nextInt(120_000),
                    2 + random.nextInt(79), false, a, s, b, 1, PlannerTarget.WEBGPU, 0, BuildFunctions.STANDARD,
                    false);
            TempBufferPlan plan = TempBufferModel.plan(in).orElseThrow();
            long w = 2L * inter;
            long qkv = (long) (q + 2 * kv) * d;
            long t = type.equals("gpt_neox") ? (long) a * (2L * inter + h)
                    : plan.fused() ? a * (2 * w + inter + h) : a * (w + inter + Math.max(inter, qkv));
            long row = type.equals("qwen2") ? 4L * in.vocabSize() : 0;
            Map<String, Long> f = plan.functions();
            String where = "seed " + SEED + ", case " + i + ": " + in;
            assertEquals(s * t + s * row, f.get("batch_verify"), where);
            assertEquals(s * t + (long) h * a + row, f.get("prefill"), where);
            assertEquals(t + row, f.get("decode"), where);
            assertEquals(b * t + b * row, f.get("batch_decode"), where);
        }
    }
}
