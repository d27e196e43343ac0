package dev.kvlens.model.planner;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link FunctionPlanner}'s shortcuts (shared stacks, skipped periodic layers, shared last-layer ops) against
 * walking every op of every layer, for every sequence of §4.3.3 including the ones whose closed forms do not
 * hold (Gemma 2, Phi), on seeded random geometries (seed and input printed on failure).
 */
class LayerSkippingTest {

    private static final long SEED = 4_303L;

    @Test
    void shortcutsGiveTheSameBytesAsWalkingEveryLayer() {
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            int d = random.nextBoolean() ? 64 : 128;
            int q = 4 * (1 + random.nextInt(16));
            int h = random.nextInt(4) == 0 ? 256 * (2 + random.nextInt(20)) : q * d;
            PlannerInput in = new PlannerInput("llama", h, 128 * (1 + random.nextInt(120)), q,
                    Math.max(1, q / (1 << random.nextInt(4))), d, 32_000 + random.nextInt(200_000),
                    1 + random.nextInt(48), false, random.nextBoolean() ? 2 : 4, 16 << random.nextInt(10),
                    1 + random.nextInt(300), 1, PlannerTarget.WEBGPU, 0, BuildFunctions.HIDDEN_STATES, false);
            PlanGeometry geometry = PlanGeometry.of(in, random.nextBoolean());
            for (LayerSequence sequence : LayerSequence.values()) {
                FunctionPlanner planner = new FunctionPlanner(sequence, geometry, in.numHiddenLayers());
                for (PlannedFunction function : PlannedFunction.values()) {
                    int tokens = function.tokens(in.prefillChunkSize(), in.maxBatchSize());
                    assertEquals(walkEveryLayer(sequence, function, geometry, in.numHiddenLayers(), tokens),
                            planner.plan(function, tokens),
                            "seed " + SEED + ", case " + i + ", " + sequence + " " + function + ": " + in);
                }
            }
        }
    }

    private static long walkEveryLayer(LayerSequence sequence, PlannedFunction function, PlanGeometry geometry,
                                       int layers, int tokens) {
        PlanProgram program = PlanProgram.compile(sequence, function.tail());
        long[] bytes = geometry.bytes(tokens);
        PlanState state = new PlanState();
        state.run(program.prologue(), bytes);
        for (int layer = 0; layer < layers - 1; layer++) {
            state.run(program.middle(), bytes);
        }
        state.run(program.last(), bytes);
        return state.memoryUsage();
    }
}
