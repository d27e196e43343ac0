package dev.kvlens.model;

import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalLong;

import static dev.kvlens.TestScenarios.H100_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The D-mid-2024 rule set (rules §3.5 step 2, §6): a user max_single_sequence_length is stored as
 * min(user, runtimeMaxSingle) but T and P use runtimeMaxSingle. Inputs are the §7 worked example's scenario A
 * (Llama-3-8B q4f16_1, context 8192, prefill 8192, batch 128, H100); its capacities Tmax are the §7 table's
 * (494,199 local, 494,246 interactive, 492,234 server), which do not depend on msl.
 */
class MidTwentyFourRulesTest {

    private static Scenario withUserMsl(RuleSet rules, EngineMode mode, long msl) {
        Scenario base = TestScenarios.scenario(WorkedExampleTest.scenarioA(), H100_BYTES, mode, rules);
        EngineOverrides user = new EngineOverrides(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(msl),
                OptionalLong.empty());
        return new Scenario(base.model(), base.device(), new EngineSettings(mode, base.engine().gpuMemoryUtilization(), user),
                rules);
    }

    /*
     * By hand, msl = 2048 (runtimeMaxSingle = 8192, runtimeMaxPrefill = 8192):
     *   D2025:   local T = min(494199, 2048, 8192) = 2048, P = min(8192, 2048, 2048) = 2048;
     *            interactive T = min(494246, 2048) = 2048, P = 2048;
     *            server T = min(492234, 128 × 2048 = 262144) = 262144, P = 8192.
     *   mid-2024: local T = min(494199, 8192, 8192) = 8192, P = min(8192, 8192, 8192) = 8192;
     *            interactive T = min(494246, 8192, no sliding window) = 8192, P = 8192;
     *            server T = min(492234, 128 × 8192 = 1048576) = 492234, P = 8192.
     *   Both store msl = min(2048, 8192) = 2048.
     */
    @ParameterizedTest(name = "{0} {1}: T={2} P={3}")
    @CsvSource({
        "d2025,    LOCAL,         2048, 2048",
        "d2025,    INTERACTIVE,   2048, 2048",
        "d2025,    SERVER,      262144, 8192",
        "d2024mid, LOCAL,         8192, 8192",
        "d2024mid, INTERACTIVE,   8192, 8192",
        "d2024mid, SERVER,      492234, 8192"})
    void userMslSizesTAndPOnlyFromAugust2024(String rules, EngineMode mode, long t, long p) {
        ModeEstimate m = Estimator.estimate(withUserMsl(RuleSet.require(rules), mode, 2048)).selected();
        assertThat(m.maxTotalSequenceLength()).isEqualTo(t);
        assertThat(m.prefillChunkSize()).isEqualTo(p);
        assertThat(m.maxSingleSequenceLength()).isEqualTo(2048);
    }

    /** Mid-2024 local with msl 2048 is the §7 table's local row: 8174.157 MB total, 1234.073 MB KV. */
    @Test
    void midTwentyFourLocalPrintsTheUnchangedWorkedExample() {
        ModeEstimate m = Estimator.estimate(withUserMsl(RuleSet.D2024_MID, EngineMode.LOCAL, 2048)).selected();
        assertThat(m.capacityFromMemory()).isEqualTo(494_199);
        assertThat(Mib.format(m.totalBytes(), 3)).isEqualTo("8174.157");
        assertThat(Mib.format(m.kvCacheBytes(), 3)).isEqualTo("1234.073");
    }

    /**
     * The interactive sliding-window term (2146f152, 2024-05-20; removed by 5de18736): with a 4096 window and
     * Tmax far above it, mid-2024 interactive T = min(Tmax, 8192, 4096) = 4096 and P = min(8192, 4096, 8192)
     * = 4096; D2025 gives min(Tmax, 8192) = 8192.
     */
    @Test
    void interactiveIsCappedBySlidingWindowInMidTwentyFour() {
        ModelLibrary windowed = TestScenarios.library("llama-3-8b", "q4f16_1",
                new CompileConfig(8192, 8192, 128, 1, 1, 4096), WorkedExampleTest.TEMP_A);
        ModeEstimate mid = Estimator.estimate(TestScenarios.scenario(windowed, H100_BYTES, EngineMode.INTERACTIVE,
                RuleSet.D2024_MID)).selected();
        ModeEstimate now = Estimator.estimate(TestScenarios.scenario(windowed, H100_BYTES, EngineMode.INTERACTIVE,
                RuleSet.D2025)).selected();
        assertThat(mid.capacityFromMemory()).isGreaterThan(8192);
        assertThat(mid.maxTotalSequenceLength()).isEqualTo(4096);
        assertThat(mid.prefillChunkSize()).isEqualTo(4096);
        assertThat(now.maxTotalSequenceLength()).isEqualTo(8192);
    }

    @Test
    void selectableByIdAndListedForThePicker() {
        assertThat(RuleSet.require("d2024mid")).isSameAs(RuleSet.D2024_MID);
        assertThat(RuleSet.ALL).contains(RuleSet.D2024_MID);
        assertThat(RuleSet.D2024_MID.label()).contains("2024-05-03").contains("2024-08-06");
    }
}
