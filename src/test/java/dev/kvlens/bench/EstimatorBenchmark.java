package dev.kvlens.bench;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Backend;
import dev.kvlens.model.explore.CapacityMap;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** JMH: full three-mode estimates per second, and a 64 × 64 capacity map. */
@State(Scope.Thread)
public class EstimatorBenchmark {

    private Scenario scenario;
    private int[] batches;
    private int[] contexts;

    @Setup
    public void setUp() {
        var llama = PresetCatalog.load().model("llama-3-8b").orElseThrow();
        scenario = new Scenario(llama.library(Quantization.require("q4f16_1")),
                new Device("rtx-4090", Backend.CUDA, 24563L * 1024 * 1024), EngineSettings.defaults(EngineMode.SERVER),
                RuleSet.D2025);
        batches = CapacityMap.logScale(1, 128, 64);
        contexts = CapacityMap.logScale(512, 8192, 64);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Estimate estimate() {
        return Estimator.estimate(scenario);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CapacityMap capacityMap64() {
        return CapacityMap.compute(scenario, batches, contexts);
    }
}
