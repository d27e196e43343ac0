package dev.kvlens.model;

import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.PhysicalAllocation;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.explore.CapacityMap;
import dev.kvlens.model.explore.Waterfall;
import dev.kvlens.model.explore.WorkloadFit;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.DistinctRuns;
import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;

import java.util.List;
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
    void capacityMapCellsAgreeWithSingleEstimatesInEveryMode() {
        DistinctRuns runs = DistinctRuns.atLeast(60);
        qt().withExamples(runs.asked())
                .forAll(integers().between(1, 300), integers().between(1, 20_000), longs().between(6L << 30, 96L << 30),
                        integers().between(0, 2))
                .checkAssert((batch, context, device, mode) -> {
                    runs.ran();
                    capacityMapCellAgreesWithSingleEstimate(batch, context, device, EngineMode.values()[mode]);
                });
        runs.check();
    }

    private static void capacityMapCellAgreesWithSingleEstimate(int batch, int context, long device, EngineMode mode) {
        Scenario s = llama(device, mode);
        CapacityMap map = CapacityMap.compute(s, new int[] {batch}, new int[] {context});
        // a single estimate with B and L as overrides: MLC's own decision, compared with B × L by hand (rules §3.5)
        EngineSettings engine = s.engine().withOverrides(EngineOverrides.NONE
                .withMaxNumSequence(OptionalLong.of(batch)).withMaxSingleSequenceLength(OptionalLong.of(context)));
        Estimate e = Estimator.estimate(s.withEngine(engine));
        ModeEstimate single = e.selected();
        long need = (long) batch * context;
        long t = single.maxTotalSequenceLength();
        WorkloadFit.Condition reason = !e.succeeds() ? WorkloadFit.Condition.MLC_REFUSES
                : context > 8192 ? WorkloadFit.Condition.BEYOND_CONTEXT_WINDOW
                : need > t ? WorkloadFit.Condition.CAPACITY_TOO_SMALL : WorkloadFit.Condition.NONE;
        CapacityMap.Cell expected = reason != WorkloadFit.Condition.NONE ? CapacityMap.Cell.DOES_NOT_FIT
                : single.capacityFromMemory() - need < 0.05 * single.capacityFromMemory() ? CapacityMap.Cell.TIGHT : CapacityMap.Cell.FITS;
        assertThat(map.cells()[0][0]).isEqualTo(expected);
        assertThat(map.fits()[0][0].failing()).isEqualTo(reason);
        assertThat(map.capacity()[0]).isEqualTo(single.capacityFromMemory());
    }

    @Test
    void aLocalModeCellOfTwentySequencesDoesNotFitAKvCacheOfOne() {
        // issue 12: local, B 20 × L 1481 was green although local T = min(Tmax, 1481, 8192) = 1481 holds one sequence
        CapacityMap map = CapacityMap.compute(llama(RTX4090_BYTES, EngineMode.LOCAL), new int[] {1, 20}, new int[] {1481});
        assertThat(map.fits()[0][1].maxTotalSequenceLength()).isEqualTo(1481);
        assertThat(map.fits()[0][1].failing()).isEqualTo(WorkloadFit.Condition.CAPACITY_TOO_SMALL);
        assertThat(map.cells()[0][0]).isEqualTo(CapacityMap.Cell.FITS);
        CapacityMap server = CapacityMap.compute(llama(RTX4090_BYTES, EngineMode.SERVER), new int[] {20}, new int[] {1481});
        assertThat(server.cells()[0][0]).isEqualTo(CapacityMap.Cell.FITS); // 29,620 tokens of Tmax ≈ 107,000
    }
}
