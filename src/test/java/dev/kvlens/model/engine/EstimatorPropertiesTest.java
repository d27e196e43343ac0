package dev.kvlens.model.engine;

import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.DistinctRuns;
import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Invariants of the estimate over wide input ranges (up to 1 TiB devices and 10 M-token overrides).
 *
 * <p>Property tests with QuickTheories, each on at least as many distinct inputs as it names ({@link DistinctRuns}):
 * a failure prints the smallest falsifying input and "Seed was N"; re-run it with
 * {@code mvn test -Dtest=EstimatorPropertiesTest -DQT_SEED=N}.
 */
class EstimatorPropertiesTest {

    private static final long TIB = 1L << 40;

    /** A preset model compiled with one of four schemes, printed by name so a failure stays readable. */
    private static Gen<ModelLibrary> libraries() {
        return Generate.pick(TestScenarios.catalog().models())
                .zip(Generate.pick(List.of("q4f16_1", "q0f16", "q4f32_1", "q3f16_1")),
                        (d, q) -> d.library(Quantization.require(q)))
                .describedAs(lib -> lib.name() + " " + lib.quantization().name());
    }

    private static Gen<EngineMode> modes() {
        return Generate.enumValues(EngineMode.class);
    }

    @Test
    void capacityIsMonotoneInDeviceMemory() {
        DistinctRuns runs = DistinctRuns.atLeast(300);
        qt().withExamples(runs.asked())
                .forAll(libraries(), longs().between(1L << 30, TIB), longs().between(0, 64L << 30), modes())
                .checkAssert((lib, device, more, mode) -> {
                    runs.ran();
                    ModeEstimate small = estimate(lib, device, OptionalDouble.empty(), mode);
                    ModeEstimate large = estimate(lib, device + more, OptionalDouble.empty(), mode);
                    assertThat(large.capacityFromMemory()).isGreaterThanOrEqualTo(small.capacityFromMemory());
                    assertThat(large.maxTotalSequenceLength()).isGreaterThanOrEqualTo(small.maxTotalSequenceLength());
                });
        runs.check();
    }

    /** A utilization and a non-negative increment of it. */
    private record Utilization(double util, double more) {
    }

    @Test
    void capacityIsMonotoneInUtilization() {
        Gen<Utilization> utilizations = doubles().between(0.05, 0.95)
                .zip(doubles().between(0, 0.05), Utilization::new);
        DistinctRuns runs = DistinctRuns.atLeast(300);
        qt().withExamples(runs.asked())
                .forAll(libraries(), longs().between(1L << 30, TIB), utilizations, modes())
                .checkAssert((lib, device, u, mode) -> {
                    runs.ran();
                    ModeEstimate low = estimate(lib, device, OptionalDouble.of(u.util()), mode);
                    ModeEstimate high = estimate(lib, device, OptionalDouble.of(u.util() + u.more()), mode);
                    assertThat(high.capacityFromMemory()).isGreaterThanOrEqualTo(low.capacityFromMemory());
                });
        runs.check();
    }

    /** An override the user may or may not have set: 1 .. 10 M. */
    private static Gen<OptionalLong> maybeOverride() {
        return Generate.booleans().zip(integers().between(1, 10_000_000),
                (set, n) -> set ? OptionalLong.of(n) : OptionalLong.empty());
    }

    /** A library and the engine mode to run it in. */
    private record LibraryInMode(ModelLibrary lib, EngineMode mode) {
        @Override
        public String toString() {
            return lib.name() + " " + lib.quantization().name() + " " + mode;
        }
    }

    @Test
    void nothingIsNegativeAndNothingOverflows() {
        DistinctRuns runs = DistinctRuns.atLeast(500);
        qt().withExamples(runs.asked())
                .forAll(libraries().zip(modes(), LibraryInMode::new), longs().between(1, TIB),
                        maybeOverride(), maybeOverride())
                .checkAssert((run, device, batch, tokens) -> {
                    runs.ran();
                    checkNothingIsNegative(run.lib(), device, batch, tokens, run.mode());
                });
        runs.check();
    }

    private static void checkNothingIsNegative(ModelLibrary lib, long device, OptionalLong batch, OptionalLong tokens,
                                               EngineMode mode) {
        EngineOverrides overrides = EngineOverrides.NONE.withMaxNumSequence(batch).withMaxTotalSequenceLength(tokens);
        Scenario s = new Scenario(lib, new Device("d", Backend.CUDA, device),
                new EngineSettings(mode, OptionalDouble.empty(), overrides), RuleSet.D2025);
        for (ModeEstimate m : Estimator.estimate(s).modes()) {
            assertThat(m.maxTotalSequenceLength()).isNotNegative();
            assertThat(m.prefillChunkSize()).isNotNegative();
            assertThat(m.kvAuxBytes()).isPositive();
            assertThat(m.modelWorkspaceBytes()).isPositive();
            assertThat(m.logitWorkspaceBytes()).isPositive();
            assertThat(m.totalBytes()).isFinite().isPositive();
            assertThat(m.kvCacheBytes()).isFinite().isPositive();
            if (m.fits()) {
                assertThat(m.maxTotalSequenceLength()).isPositive();
                assertThat(m.totalBytes()).isGreaterThanOrEqualTo(m.paramsBytes() + (double) m.tempBufferBytes());
            }
        }
    }

    @Test
    void localNeverExceeds8192TokensUnlessTheUserSaysSo() {
        DistinctRuns runs = DistinctRuns.atLeast(200);
        qt().withExamples(runs.asked())
                .forAll(libraries(), longs().between(1L << 30, TIB))
                .checkAssert((lib, device) -> {
                    runs.ran();
                    ModeEstimate local = estimate(lib, device, OptionalDouble.empty(), EngineMode.LOCAL);
                    assertThat(local.maxTotalSequenceLength()).isLessThanOrEqualTo(8192);
                    assertThat(local.maxNumSequence()).isLessThanOrEqualTo(4);
                });
        runs.check();
    }

    private static ModeEstimate estimate(ModelLibrary lib, long device, OptionalDouble util, EngineMode mode) {
        Scenario s = new Scenario(lib, new Device("d", Backend.CUDA, device),
                new EngineSettings(mode, util, EngineOverrides.NONE), RuleSet.D2025);
        return Estimator.estimate(s).selected();
    }
}
