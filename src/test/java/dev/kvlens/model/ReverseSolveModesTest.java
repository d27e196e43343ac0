package dev.kvlens.model;

import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.explore.ReverseSolver;
import dev.kvlens.model.explore.Workload;
import dev.kvlens.model.explore.WorkloadFit;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.DistinctRuns;
import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Issue 12 item 2: the reverse solve with MLC's semantics per mode (rules §3.5 steps 1–5), against hand arithmetic
 * from the rules' worked example (§7, RTX 4090 G = 25,393,692,672 B, util 0.85f) and against a brute force that runs
 * the real estimator over the integers and the device presets.
 */
class ReverseSolveModesTest {

    /** rules §3.2 and §7: the RTX 4090's totalGlobalMem. */
    static final long RTX4090 = 25_393_692_672L;

    private static Scenario llama(long device, EngineMode mode) {
        return TestScenarios.scenario(WorkedExampleTest.scenarioA(), device, mode, RuleSet.D2025);
    }

    private static List<Device> presets() {
        return TestScenarios.catalog().devices().stream().map(d -> d.device()).toList();
    }

    @Test
    void serverHoldsBFullSequencesWhileTmaxAtThatBatchReachesBTimesL() {
        Scenario server = llama(RTX4090, EngineMode.SERVER);
        // §7 pieces at B = 64: non-KV = 4,517,404,672 + 2,617,245,696 + (65·88 + 220,266,496) + (134,250,496 + 8196·64)
        // + 2,068,148·64 = 7,622,059,096; (21,584,639,376.63 − 7,622,059,096) / 131,073.25 = 106,525.02 → Tmax 106,525;
        // T = min(Tmax, 64·L) ≥ 64·L while L ≤ 106,525 / 64 = 1664.45
        assertThat(ReverseSolver.maxContext(server, OptionalInt.of(64))).hasValue(1664);
        // L = 8192: Tmax(13) = 107,332 ≥ 13·8192 = 106,496, Tmax(14) = 107,317 < 114,688
        assertThat(ReverseSolver.maxBatch(server, OptionalInt.of(8192))).hasValue(13);
        // batch left to MLC (B = 128): one full sequence of the 8192-token window fits in T = 105,511
        assertThat(ReverseSolver.maxContext(server, OptionalInt.empty())).hasValue(8192);
    }

    @Test
    void localAndInteractiveCapTheKvCacheAtOneSequence() {
        Scenario local = llama(RTX4090, EngineMode.LOCAL);
        // local T = min(Tmax, L, 8192) = L: four sequences of L never fit, one does up to the window
        assertThat(ReverseSolver.maxContext(local, OptionalInt.of(4))).isEmpty();
        assertThat(ReverseSolver.maxContext(local, OptionalInt.empty())).hasValue(8192);
        assertThat(ReverseSolver.maxBatch(local, OptionalInt.of(8192))).hasValue(1);
        assertThat(ReverseSolver.maxBatch(local, OptionalInt.of(100))).hasValue(1);
        Scenario interactive = llama(RTX4090, EngineMode.INTERACTIVE);
        assertThat(ReverseSolver.maxContext(interactive, OptionalInt.empty())).hasValue(8192);
        // §7 contrast: Llama-3.1-8B (window 131,072), interactive on the 4090: T = min(107,523, L) holds L up to 107,523
        ModelLibrary llama31 = TestScenarios.library("llama-3.1-8b", "q4f16_1",
                new CompileConfig(131072, 8192, 128, 1, 1, -1), WorkedExampleTest.TEMP_A);
        Scenario long31 = TestScenarios.scenario(llama31, RTX4090, EngineMode.INTERACTIVE, RuleSet.D2025);
        assertThat(ReverseSolver.maxContext(long31, OptionalInt.empty())).hasValue(107_523);
        // local mode caps T at 8192 whatever the window
        assertThat(ReverseSolver.maxContext(long31.withEngine(EngineSettings.defaults(EngineMode.LOCAL)),
                OptionalInt.empty())).hasValue(8192);
    }

    @Test
    void theWorkloadAskedForComesFromTheScenariosOverrides() {
        Scenario s = llama(RTX4090, EngineMode.SERVER);
        Scenario asked = s.withEngine(s.engine().withOverrides(EngineOverrides.NONE
                .withMaxNumSequence(OptionalLong.of(64)).withMaxSingleSequenceLength(OptionalLong.of(8192))));
        assertThat(ReverseSolver.asked(asked)).isEqualTo(Workload.of(64, 8192));
        assertThat(ReverseSolver.maxContext(asked)).hasValue(1664);
        assertThat(ReverseSolver.maxBatch(asked)).hasValue(13);
        // context left to MLC: sequences of the 8192-token window
        assertThat(ReverseSolver.maxBatch(s)).hasValue(13);
    }

    @Test
    void smallestDeviceForTheIssuesServerScenarioIsNotAnMi300x() {
        Scenario server = llama(RTX4090, EngineMode.SERVER);
        // nothing asked: MLC starts when G·0.85 exceeds the server non-KV sum 7,754,950,744 B (§7) → G > 9.12e9:
        // the 8 GB cards (≤ 8,589,410,304 B) do not, the 16 GB Mac's 11,453,251,584 B do
        Device defaults = ReverseSolver.smallestDevice(server, presets(), Workload.MLC_DEFAULTS).orElseThrow();
        assertThat(defaults.name()).isEqualTo("Apple M-series, 16 GB unified memory");
        assertThat(ReverseSolver.fits(server.withDevice(new Device("4090", Backend.CUDA, RTX4090)), Workload.MLC_DEFAULTS))
                .isTrue();
        // 64 full sequences of 8192: Tmax(64) ≥ 524,288 needs G·0.85 ≥ 7,622,059,096 + 524,288·131,073.25
        // = 76,342,191,192 → G ≥ 89.8e9: not the 80 GB cards, not the 128 GB Mac (Metal caps Tmax at 32,768): the H200
        Device full = ReverseSolver.smallestDevice(server, presets(), Workload.of(64, 8192)).orElseThrow();
        assertThat(full.name()).isEqualTo("NVIDIA H200");
        // the same in local mode never fits: local T is at most one sequence
        assertThat(ReverseSolver.smallestDevice(llama(RTX4090, EngineMode.LOCAL), presets(), Workload.of(64, 8192)))
                .isEmpty();
    }

    @Test
    void llama31SeventyBInServerModeRunsOnAnEightyGigabyteCard() {
        ModelLibrary big = TestScenarios.preset("llama-3.1-70b").library(Quantization.require("q4f16_1"));
        Scenario server = TestScenarios.scenario(big, RTX4090, EngineMode.SERVER, RuleSet.D2025);
        for (String name : List.of("NVIDIA A100-SXM4-80GB", "NVIDIA H100 80GB HBM3")) {
            Device card = presets().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
            assertThat(ReverseSolver.fits(server.withDevice(card), Workload.MLC_DEFAULTS)).as(name).isTrue();
        }
        Device smallest = ReverseSolver.smallestDevice(server, presets(), Workload.MLC_DEFAULTS).orElseThrow();
        assertThat(smallest).isEqualTo(bruteSmallest(server, Workload.MLC_DEFAULTS).orElseThrow());
        assertThat(smallest.totalGlobalMemoryBytes()).isLessThanOrEqualTo(84_987_740_160L);
    }

    @Test
    void aUserKvCapacityBeyondTheBudgetIsAcceptedByMlcButDoesNotFit() {
        Scenario s = llama(RTX4090, EngineMode.LOCAL);
        Scenario big = s.withEngine(s.engine().withOverrides(EngineOverrides.NONE
                .withMaxTotalSequenceLength(OptionalLong.of(500_000))));
        assertThat(Estimator.estimate(big).succeeds()).isTrue(); // step 5: the user's T, unchecked
        WorkloadFit fit = WorkloadFit.of(big, Workload.MLC_DEFAULTS);
        assertThat(fit.failing()).isEqualTo(WorkloadFit.Condition.CAPACITY_BEYOND_BUDGET);
        assertThat(fit.maxTotalSequenceLength()).isEqualTo(500_000);
        assertThat(fit.capacityFromMemory()).isEqualTo(107_475); // §7, local on the 4090
    }

    @Test
    void reverseSolveAgreesWithABruteForceOverTheIntegersInEveryMode() {
        DistinctRuns runs = DistinctRuns.atLeast(30);
        qt().withExamples(runs.asked())
                .forAll(integers().between(0, 40), longs().between(8L << 30, 14L << 30), integers().between(0, 2))
                .checkAssert((batch, device, mode) -> {
                    runs.ran();
                    agreesWithBruteForce(llama(device, EngineMode.values()[mode]),
                            batch == 0 ? OptionalInt.empty() : OptionalInt.of(batch));
                });
        runs.check();
    }

    private static void agreesWithBruteForce(Scenario s, OptionalInt batch) {
        int bruteContext = 0;
        for (int l = 1; l <= 8192; l++) {
            if (startsAndHolds(s, batch, l)) {
                bruteContext = l;
            }
        }
        assertThat(ReverseSolver.maxContext(s, batch).orElse(0)).isEqualTo(bruteContext);
        for (int context : new int[] {1, 1000, Math.max(1, bruteContext)}) {
            int bruteBatch = 0;
            for (int b = 1; b <= 3000; b++) {
                if (startsAndHolds(s, OptionalInt.of(b), context)) {
                    bruteBatch = b;
                }
            }
            int solved = ReverseSolver.maxBatch(s, OptionalInt.of(context)).orElse(0);
            if (bruteBatch < 3000) {
                assertThat(solved).as("max batch at L = " + context).isEqualTo(bruteBatch);
            } else {
                assertThat(solved).isGreaterThanOrEqualTo(3000);
            }
        }
    }

    @Test
    void smallestPresetAgreesWithABruteForceOverThePresetsInEveryMode() {
        List<Workload> asked = List.of(Workload.MLC_DEFAULTS, Workload.of(1, 8192), Workload.of(8, 4096),
                Workload.of(64, 2048), new Workload(OptionalInt.empty(), OptionalInt.of(6000)), Workload.of(1, 9000));
        for (EngineMode mode : EngineMode.values()) {
            Scenario s = llama(RTX4090, mode);
            for (Workload w : asked) {
                assertThat(ReverseSolver.smallestDevice(s, presets(), w)).as(mode + " " + w).isEqualTo(bruteSmallest(s, w));
            }
        }
        // L beyond the 8192-token window never fits
        assertThat(bruteSmallest(llama(RTX4090, EngineMode.SERVER), Workload.of(1, 9000))).isEmpty();
    }

    @Test
    void eachDeviceIsTriedWithTheLibraryBuiltForItsBackend() {
        ModelDescription llama = TestScenarios.preset("llama-3-8b");
        java.util.function.Function<Device, Scenario> on = d -> new Scenario(ModelLibrary.build(llama,
                Quantization.require("q4f16_1"), llama.compile(), null, null,
                d.backend().plannerTarget()), d, EngineSettings.defaults(EngineMode.SERVER),
                RuleSet.D2025);
        for (Workload w : List.of(Workload.MLC_DEFAULTS, Workload.of(16, 4096), Workload.of(1, 8192))) {
            Optional<Device> brute = presets().stream()
                    .filter(d -> startsAndHolds(on.apply(d), w.batch(), w.context().orElse(0)))
                    .min(Comparator.comparingLong(Device::totalGlobalMemoryBytes));
            assertThat(ReverseSolver.smallestDevice(presets(), on, w)).as(w.toString()).isEqualTo(brute);
        }
    }

    private static Optional<Device> bruteSmallest(Scenario s, Workload w) {
        return presets().stream().filter(d -> startsAndHolds(s.withDevice(d), w.batch(), w.context().orElse(0)))
                .min(Comparator.comparingLong(Device::totalGlobalMemoryBytes));
    }

    /**
     * The rules restated: with B and L as overrides (§3.5 steps 1, 2), MLC does not raise its insufficient-memory
     * error, L is within the msl it ends with, a user T fits in Tmax, and T ≥ B × L (B = 1 and L = 1 where not asked).
     */
    private static boolean startsAndHolds(Scenario s, OptionalInt batch, int context) {
        EngineOverrides o = s.engine().overrides();
        if (context > 0) {
            o = o.withMaxSingleSequenceLength(OptionalLong.of(context));
        }
        if (batch.isPresent()) {
            o = o.withMaxNumSequence(OptionalLong.of(batch.getAsInt()));
        }
        Estimate e = Estimator.estimate(s.withEngine(s.engine().withOverrides(o)));
        ModeEstimate m = e.selected();
        long need = (long) batch.orElse(1) * Math.max(1, context);
        return e.succeeds() && context <= m.maxSingleSequenceLength()
                && !(m.capacitySpecifiedByUser() && m.maxTotalSequenceLength() > m.capacityFromMemory())
                && need <= m.maxTotalSequenceLength();
    }
}
