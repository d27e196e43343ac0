package dev.kvlens.model;

import dev.kvlens.TestScenarios;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the estimate over wide input ranges (up to 1 TiB devices and 10 M-token overrides). */
class EstimatorPropertiesTest {

    private static final long TIB = 1L << 40;

    @Provide
    Arbitrary<ModelLibrary> libraries() {
        return Arbitraries.of(TestScenarios.catalog().models())
                .flatMap(d -> Arbitraries.of("q4f16_1", "q0f16", "q4f32_1", "q3f16_1")
                        .map(q -> d.library(Quantization.require(q))));
    }

    @Property(tries = 300)
    void capacityIsMonotoneInDeviceMemory(@ForAll("libraries") ModelLibrary lib,
                                          @ForAll @LongRange(min = 1L << 30, max = TIB) long device,
                                          @ForAll @LongRange(min = 0, max = 64L << 30) long more,
                                          @ForAll EngineMode mode) {
        ModeEstimate small = estimate(lib, device, OptionalDouble.empty(), mode);
        ModeEstimate large = estimate(lib, device + more, OptionalDouble.empty(), mode);
        assertThat(large.capacityFromMemory()).isGreaterThanOrEqualTo(small.capacityFromMemory());
        assertThat(large.maxTotalSequenceLength()).isGreaterThanOrEqualTo(small.maxTotalSequenceLength());
    }

    @Property(tries = 300)
    void capacityIsMonotoneInUtilization(@ForAll("libraries") ModelLibrary lib,
                                         @ForAll @LongRange(min = 1L << 30, max = TIB) long device,
                                         @ForAll @DoubleRange(min = 0.05, max = 0.95) double util,
                                         @ForAll @DoubleRange(min = 0, max = 0.05) double more,
                                         @ForAll EngineMode mode) {
        ModeEstimate low = estimate(lib, device, OptionalDouble.of(util), mode);
        ModeEstimate high = estimate(lib, device, OptionalDouble.of(util + more), mode);
        assertThat(high.capacityFromMemory()).isGreaterThanOrEqualTo(low.capacityFromMemory());
    }

    @Property(tries = 500)
    void nothingIsNegativeAndNothingOverflows(@ForAll("libraries") ModelLibrary lib,
                                              @ForAll @LongRange(min = 1, max = TIB) long device,
                                              @ForAll @IntRange(min = 1, max = 10_000_000) int batch,
                                              @ForAll @IntRange(min = 1, max = 10_000_000) int tokens,
                                              @ForAll boolean overrideBatch, @ForAll boolean overrideTokens,
                                              @ForAll EngineMode mode) {
        EngineOverrides overrides = EngineOverrides.NONE
                .withMaxNumSequence(overrideBatch ? OptionalLong.of(batch) : OptionalLong.empty())
                .withMaxTotalSequenceLength(overrideTokens ? OptionalLong.of(tokens) : OptionalLong.empty());
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

    @Property(tries = 200)
    void localNeverExceeds8192TokensUnlessTheUserSaysSo(@ForAll("libraries") ModelLibrary lib,
                                                        @ForAll @LongRange(min = 1L << 30, max = TIB) long device) {
        ModeEstimate local = estimate(lib, device, OptionalDouble.empty(), EngineMode.LOCAL);
        assertThat(local.maxTotalSequenceLength()).isLessThanOrEqualTo(8192);
        assertThat(local.maxNumSequence()).isLessThanOrEqualTo(4);
    }

    private static ModeEstimate estimate(ModelLibrary lib, long device, OptionalDouble util, EngineMode mode) {
        Scenario s = new Scenario(lib, new Device("d", Backend.CUDA, device),
                new EngineSettings(mode, util, EngineOverrides.NONE), RuleSet.D2025);
        return Estimator.estimate(s).selected();
    }
}
