package dev.kvlens.model.explore;

import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.WorkedExampleTest;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.TestScenarios;
import dev.kvlens.text.Phrases;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 1: the verdict per mode, from the rules' worked example (§7, RTX 4090 G = 25,393,692,672 B) and its
 * physical-allocation check (§3.9: ⌈T/16⌉ + 1 pages of 32 × 65,536 B, FlashInfer's 792 MiB instead of 48 MiB).
 */
class ModeVerdictTest {

    private static final long RTX4090 = 25_393_692_672L;

    private static Estimate estimate(EngineMode mode, EngineOverrides overrides, double utilization) {
        Scenario s = TestScenarios.scenario(WorkedExampleTest.scenarioA(), RTX4090, mode, RuleSet.D2025);
        EngineSettings engine = new EngineSettings(mode, utilization > 0 ? java.util.OptionalDouble.of(utilization)
                : java.util.OptionalDouble.empty(), overrides);
        return Estimator.estimate(s.withEngine(engine));
    }

    @Test
    void llama3On4090LocalFitsWithFifteenGibLeftAndServerFillsTheBudget() {
        List<ModeVerdict> verdicts = ModeVerdict.of(estimate(EngineMode.LOCAL, EngineOverrides.NONE, 0));
        ModeVerdict local = verdicts.get(0);
        // estimate 7,497,473,176 + 8192 × 131,073.25 = 8,571,225,240 B (8174.157 MiB, §7); physical: 513 pages =
        // 1026.0 MiB instead of 1,073,752,064 B, plus 744 MiB of FlashInfer workspace = 9,353,452,696 B
        assertThat(local.selected()).isTrue();
        assertThat(local.status()).isEqualTo(ModeVerdict.Status.FITS);
        assertThat(local.estimatedBytes()).isEqualTo(8_571_225_240.0);
        assertThat(local.physicalBytes()).isEqualTo(OptionalDouble.of(9_353_452_696.0));
        assertThat(local.leftBytes()).isEqualTo(16_040_239_976.0);
        assertThat(local.limit()).isEqualTo(ModeVerdict.Limit.CONTEXT); // T = min(107,475, 8192, 8192)
        assertThat(Phrases.format(Locale.ENGLISH, local.phrase())).isEqualTo("local (selected): fits — 14.94 GiB left on "
                + "the 23.65 GiB GPU; KV cache 8,192 tokens, limited by the context length (max_single_sequence_length); "
                + "MLC estimates 7.98 GiB, the GPU will hold about 8.71 GiB (KV pages, attention workspace and state MLC "
                + "does not count)");
        ModeVerdict server = verdicts.get(2);
        // T = Tmax = 105,511: the budget limits it; 6596 pages, 22,367,905,880 B physical, 3,025,786,792 B left (11.9 %)
        assertThat(server.limit()).isEqualTo(ModeVerdict.Limit.BUDGET);
        assertThat(server.status()).isEqualTo(ModeVerdict.Status.FITS);
        assertThat(server.leftBytes()).isEqualTo(3_025_786_792.0);
        assertThat(server.maxTotalSequenceLength()).isEqualTo(105_511);
    }

    @Test
    void aUserKvCapacityTheDeviceCannotHoldSaysMlcStartsButTheAllocationFails() {
        // issue 12: 500,000 tokens on a 4090. Estimate 7,497,473,176 + 500,000 × 131,073.25 = 73,034,098,176 B, which
        // is 51,449,458,799.37 B (47.92 GiB) beyond the budget 21,584,639,376.63 B; the device has 23.65 GiB
        Estimate e = estimate(EngineMode.LOCAL, EngineOverrides.NONE.withMaxTotalSequenceLength(OptionalLong.of(500_000)), 0);
        assertThat(e.succeeds()).isTrue(); // MLC's estimate accepts the user's T (§3.5 step 5)
        ModeVerdict local = ModeVerdict.of(e, e.selected());
        assertThat(local.status()).isEqualTo(ModeVerdict.Status.ALLOCATION_FAILS);
        assertThat(local.limit()).isEqualTo(ModeVerdict.Limit.USER_CAPACITY);
        assertThat(local.overBudgetBytes()).isEqualTo(73_034_098_176.0 - 21_584_639_376.6328125);
        assertThat(Phrases.format(Locale.ENGLISH, local.phrase())).isEqualTo("local (selected): MLC would start, but the "
                + "allocation fails — the GPU would need about 68.75 GiB of its 23.65 GiB (MLC estimates 68.02 GiB); MLC "
                + "accepts the given KV capacity of 500,000 tokens although it takes 47.92 GiB more than its 20.10 GiB budget");
        assertThat(Phrases.format(Locale.SIMPLIFIED_CHINESE, local.phrase())).contains("分配会失败").contains("500,000");
    }

    @Test
    void tightWhenLessThanFivePercentOfTheDeviceIsLeftAndFailingWhenTheWorkspaceDoesNotFit() {
        // server at util 0.93: about 0.07 × G − 744 MiB ≈ 1.0 GB left, below 5 % of G (1.27 GB)
        ModeVerdict tight = ModeVerdict.of(estimate(EngineMode.SERVER, EngineOverrides.NONE, 0.93)).get(2);
        assertThat(tight.status()).isEqualTo(ModeVerdict.Status.TIGHT);
        assertThat(tight.leftBytes()).isPositive().isLessThan(0.05 * RTX4090);
        // util 0.99: MLC starts (no range check, §3.1) but 1 % of G cannot take FlashInfer's extra 744 MiB
        ModeVerdict over = ModeVerdict.of(estimate(EngineMode.SERVER, EngineOverrides.NONE, 0.99)).get(2);
        assertThat(over.status()).isEqualTo(ModeVerdict.Status.ALLOCATION_FAILS);
        assertThat(over.overBudgetBytes()).isZero();
    }

    @Test
    void mlcsInsufficientMemoryIsDoesNotFitWithTheShortfall() {
        Scenario s = TestScenarios.scenario(WorkedExampleTest.scenarioA(), 4096L << 20, EngineMode.LOCAL, RuleSet.D2025);
        ModeVerdict local = ModeVerdict.of(Estimator.estimate(s)).get(0);
        // non-KV 7,497,473,176 B against 4096 MiB × 0.85f = 3,650,722,201.6 B: 3,846,750,974.4 B short
        assertThat(local.status()).isEqualTo(ModeVerdict.Status.DOES_NOT_FIT);
        assertThat(local.physicalBytes()).isEmpty();
        assertThat(Phrases.format(Locale.ENGLISH, local.phrase())).isEqualTo("local (selected): does not fit — MLC stops "
                + "with its insufficient-memory error: parameters, temporary buffer and workspaces need 6.98 GiB, 3.58 GiB "
                + "more than its 3.40 GiB budget (gpu_memory_utilization × the 4.00 GiB GPU)");
    }

    @Test
    void eraCStopsWhenAnyModeFails() {
        // era C (§6.1): the first failing mode stops MLC. Between the local and the server non-KV sums, local alone fits.
        Scenario base = TestScenarios.scenario(WorkedExampleTest.scenarioA(), RTX4090, EngineMode.LOCAL, RuleSet.C2024);
        long serverNeeds = DeviceMemorySolver.deviceRangeForCapacity(base, EngineMode.SERVER, 1).orElseThrow().minBytes();
        Scenario between = base.withDevice(new Device("between", Backend.CUDA, serverNeeds - 1));
        Estimate e = Estimator.estimate(between);
        assertThat(e.selected().fits()).isTrue();
        ModeVerdict local = ModeVerdict.of(e, e.selected());
        assertThat(local.status()).isEqualTo(ModeVerdict.Status.DOES_NOT_FIT);
        assertThat(local.stoppedBy()).contains(EngineMode.SERVER);
        assertThat(Phrases.format(Locale.ENGLISH, local.phrase())).endsWith("MLC stops because server does not fit");
    }
}
