package dev.kvlens.bench;

import dev.kvlens.model.planner.BuildFunctions;
import dev.kvlens.model.planner.PlannerInput;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.model.planner.TempBufferModel;
import dev.kvlens.model.planner.TempBufferPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * JMH: one full §4.3 planner evaluation (every function of a build with the {@code *_to_last_hidden_states}
 * set) of Llama-3-8B, 32 layers, S = 8192, B = 128, q4f16_1 on webgpu: what a change of a compile-time value
 * costs (issue 11: ≤ 20 µs). S alternates between two values so nothing can be cached across calls.
 */
@State(Scope.Thread)
public class PlannerBenchmark {

    private PlannerInput[] inputs;
    private int next;

    @Setup
    public void setUp() {
        PlannerInput llama3 = new PlannerInput("llama", 4096, 14336, 32, 8, 128, 128_256, 32, false, 2, 8192, 128,
                1, PlannerTarget.WEBGPU, 0, BuildFunctions.HIDDEN_STATES, false);
        inputs = new PlannerInput[]{llama3, llama3.withPrefillChunkSize(8191)};
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public TempBufferPlan planLlama3() {
        next ^= 1;
        return TempBufferModel.plan(inputs[next]).orElseThrow();
    }
}
