package dev.kvlens.model;

import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.DistinctRuns;
import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.kvlens.TestScenarios.H100_BYTES;
import static dev.kvlens.TestScenarios.MIB;
import static dev.kvlens.TestScenarios.RTX4090_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Capacity map, reverse solve, waterfall and physical allocation against the rules and brute force.
 *
 * <p>The two properties use QuickTheories, each on at least as many distinct inputs as it names
 * ({@link DistinctRuns}): a failure prints the smallest falsifying input and "Seed was N"; re-run it with
 * {@code mvn test -Dtest=ExplorationTest -DQT_SEED=N}.
 */
class ExplorationTest {

    private static Scenario llama(long device, EngineMode mode) {
        return TestScenarios.scenario(WorkedExampleTest.scenarioA(), device, mode, RuleSet.D2025);
    }

    @Test
    void waterfallStepsAddUpToMlcsPrintedTotalToTheByte() {
        for (long device : new long[] {H100_BYTES, RTX4090_BYTES}) {
            Estimate e = Estimator.estimate(llama(device, EngineMode.SERVER));
            for (ModeEstimate m : e.modes()) {
                List<Waterfall.Step> steps = Waterfall.of(e, m);
                assertThat(steps).hasSize(7);
                assertThat(steps.get(steps.size() - 1).total()).isEqualTo(m.totalBytes());
                assertThat(steps.get(1).bytes()).isEqualTo(1_308_622_848.0); // §7 tempFunc
                assertThat(steps.get(2).bytes()).isEqualTo(1_308_622_848.0); // the ×2
            }
        }
        Estimate c = Estimator.estimate(llama(H100_BYTES, EngineMode.LOCAL).withRules(RuleSet.C2024));
        assertThat(Waterfall.of(c, c.selected()).get(2).bytes()).isZero();
    }

    @Test
    void physicalAllocationMatchesTheRulesCheck() {
        // §7: local T = 8192 → 513 pages × 32 layers × 65,536 B = 1026.0 MiB; H100 server → 30,766 pages = 61,532.0 MiB
        Estimate local = Estimator.estimate(llama(H100_BYTES, EngineMode.LOCAL));
        PhysicalAllocation p = PhysicalAllocation.of(local, local.selected());
        assertThat(p.pages()).isEqualTo(513);
        assertThat(p.physicalKvPagesBytes()).isEqualTo(1026.0 * MIB);
        Estimate server = Estimator.estimate(llama(H100_BYTES, EngineMode.SERVER));
        PhysicalAllocation s = PhysicalAllocation.of(server, server.selected());
        assertThat(s.pages()).isEqualTo(30_766);
        assertThat(s.physicalKvPagesBytes()).isEqualTo(61_532.0 * MIB);
        assertThat(s.physicalWorkspaceBytes()).isEqualTo(792.0 * MIB);
        assertThat(s.warnings()).contains(PhysicalAllocation.Warning.FLASHINFER_WORKSPACE)
                .doesNotContain(PhysicalAllocation.Warning.F32_KV);
        ModelLibrary f32 = TestScenarios.preset("llama-3-8b").library(Quantization.require("q4f32_1"));
        Estimate e = Estimator.estimate(TestScenarios.scenario(f32, H100_BYTES, EngineMode.LOCAL, RuleSet.D2025));
        PhysicalAllocation pf = PhysicalAllocation.of(e, e.selected());
        assertThat(pf.physicalKvPagesBytes()).isEqualTo(2 * 1026.0 * MIB);
        assertThat(pf.warnings()).contains(PhysicalAllocation.Warning.F32_KV);
    }

    @Test
    void capacityMapCellsAgreeWithSingleEstimates() {
        DistinctRuns runs = DistinctRuns.atLeast(60);
        qt().withExamples(runs.asked())
                .forAll(integers().between(1, 300), integers().between(1, 20_000), longs().between(6L << 30, 96L << 30))
                .checkAssert((batch, context, device) -> {
                    runs.ran();
                    capacityMapCellAgreesWithSingleEstimate(batch, context, device);
                });
        runs.check();
    }

    private static void capacityMapCellAgreesWithSingleEstimate(int batch, int context, long device) {
        Scenario s = llama(device, EngineMode.SERVER);
        CapacityMap map = CapacityMap.compute(s, new int[] {batch}, new int[] {context});
        // a single estimate with the overrides: MLC's own Tmax at that batch, compared with B × L by hand
        EngineSettings engine = s.engine().withOverrides(EngineOverrides.NONE
                .withMaxNumSequence(OptionalLong.of(batch)).withMaxSingleSequenceLength(OptionalLong.of(context)));
        ModeEstimate single = Estimator.estimate(s.withEngine(engine)).selected();
        long tmax = single.capacityFromMemory();
        CapacityMap.Cell expected = tmax <= 0 || (long) batch * context > tmax ? CapacityMap.Cell.DOES_NOT_FIT
                : tmax - (long) batch * context < 0.05 * tmax ? CapacityMap.Cell.TIGHT : CapacityMap.Cell.FITS;
        assertThat(map.cells()[0][0]).isEqualTo(expected);
        assertThat(map.capacity()[0]).isEqualTo(tmax);
    }

    @Test
    void reverseSolveAgreesWithBruteForce() {
        // a small device keeps the brute-force domain small
        DistinctRuns runs = DistinctRuns.atLeast(25);
        qt().withExamples(runs.asked())
                .forAll(integers().between(1, 40), longs().between(6L << 30, 12L << 30))
                .checkAssert((batch, device) -> {
                    runs.ran();
                    reverseSolveAgreesWithBruteForce(batch, device);
                });
        runs.check();
    }

    private static void reverseSolveAgreesWithBruteForce(int batch, long device) {
        Scenario s = llama(device, EngineMode.SERVER);
        OptionalInt solved = ReverseSolver.maxContext(s, batch);
        int brute = 0;
        for (int l = 1; l <= 8192; l++) {
            if (ReverseSolver.fits(s, batch, l)) {
                brute = l;
            }
        }
        assertThat(solved.orElse(0)).isEqualTo(brute);
        if (brute > 0) {
            int context = brute;
            OptionalInt maxBatch = ReverseSolver.maxBatch(s, context);
            int bruteBatch = 0;
            for (int b = 1; b <= 2048; b++) {
                if (ReverseSolver.fits(s, b, context)) {
                    bruteBatch = b;
                }
            }
            assertThat(maxBatch.orElse(0)).isEqualTo(bruteBatch);
        }
    }

    @Test
    void smallestPresetDeviceThatFits() {
        List<Device> devices = TestScenarios.catalog().devices().stream().map(d -> d.device()).toList();
        Scenario s = llama(H100_BYTES, EngineMode.LOCAL);
        Device smallest = ReverseSolver.smallestDevice(s, devices, OptionalInt.empty(), OptionalInt.empty()).orElseThrow();
        // Llama-3-8B q4f16_1 local needs 8174.157 MiB ≤ 0.85 × G: a 16 GB Mac (10,922.67 MiB × 0.85 = 9284 MiB) is the
        // smallest preset; the 5 GiB OpenCL phone (4352 MiB) and the T4 (15,104 MiB, larger) are not it
        assertThat(smallest.name()).isEqualTo("Apple M-series, 16 GB unified memory");
        Device forServer = ReverseSolver.smallestDevice(s, devices, OptionalInt.of(64), OptionalInt.of(8192)).orElseThrow();
        assertThat(ReverseSolver.fits(s.withDevice(forServer), 64, 8192)).isTrue();
        assertThat(forServer.totalGlobalMemoryBytes()).isGreaterThan(64L * 8192 * 131073);
    }
}
