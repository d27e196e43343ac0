package dev.kvlens.app;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.EngineMode;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.explore.solve.SolveViewModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 2: {@code kvlens solve} answers with MLC's semantics per mode, the same as the window's buttons.
 * Expected numbers from the rules' worked example (§7, RTX 4090, Llama-3-8B q4f16_1 with the §4.2 temporary buffer).
 */
class SolveCliTest {

    private static final String[] MODEL = {"--preset", "llama-3-8b", "--quantization", "q4f16_1"};

    private static CliTest.Run solve(String... args) {
        String[] all = new String[MODEL.length + args.length + 1];
        all[0] = "solve";
        System.arraycopy(MODEL, 0, all, 1, MODEL.length);
        System.arraycopy(args, 0, all, 1 + MODEL.length, args.length);
        return CliTest.run(all);
    }

    @Test
    void maxContextInServerModeHoldsTheBatchAskedFor() {
        // Tmax(64) = 106,525 (rules §7 pieces at B = 64); 64 × 1664 = 106,496 ≤ 106,525 < 64 × 1665
        CliTest.Run r = solve("--gpu", "rtx-4090", "--mode", "server", "--max-num-sequence", "64", "--max-context");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.outLines()).containsExactly("max context: 1664 tokens (64 sequences, server mode, NVIDIA GeForce RTX 4090)");
    }

    @Test
    void maxBatchAtTheContextWindow() {
        // Tmax(13) = 107,332 ≥ 13 × 8192 = 106,496; Tmax(14) = 107,317 < 114,688
        CliTest.Run r = solve("--gpu", "rtx-4090", "--mode", "server", "--max-batch");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.outLines()).containsExactly(
                "max batch: 13 sequences of the context window (server mode, NVIDIA GeForce RTX 4090)");
    }

    @Test
    void smallestDeviceForTheDefaultServerScenarioIsNoMi300x() {
        // nothing asked: MLC starts once G × 0.85 exceeds the server non-KV sum 7,754,950,744 B (§7)
        CliTest.Run r = solve("--mode", "server", "--smallest-device");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("smallest preset device: Apple M-series, 16 GB unified memory (--gpu apple-16gb,")
                .doesNotContain("MI300X");
        // 64 full sequences of 8192 tokens need G ≥ 89.8e9 B: the H200
        CliTest.Run full = solve("--mode", "server", "--max-num-sequence", "64", "--max-single-sequence-length", "8192",
                "--smallest-device");
        assertThat(full.out()).startsWith("smallest preset device: NVIDIA H200 (--gpu h200,");
    }

    @Test
    void localModeCannotHoldFourFullSequencesAndSaysWhy() {
        CliTest.Run r = solve("--gpu", "rtx-4090", "--max-num-sequence", "4", "--max-context");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.outLines()).containsExactly("no context fits 4 sequences in local mode on NVIDIA GeForce RTX 4090: "
                + "MLC starts, but its KV cache holds fewer than B × L tokens");
    }

    @Test
    void theCliGivesTheSameAnswersAsTheWindowsButtons() {
        EstimatorViewModel vm = TestScenarios.startingViewModel();
        vm.modeProperty().set(EngineMode.SERVER);
        vm.batchSizeProperty().set(40);
        SolveViewModel exploration = new SolveViewModel(vm,
                TestScenarios.catalog().devices().stream().map(d -> d.device()).toList());
        int context = exploration.applyMaxContext().orElseThrow();
        CliTest.Run cli = solve("--gpu", "rtx-4090", "--mode", "server", "--max-num-sequence", "40", "--max-context");
        assertThat(cli.out()).startsWith("max context: " + context + " tokens");
        int batch = exploration.applyMaxBatch().orElseThrow(); // at that context, now on the slider
        CliTest.Run cliBatch = solve("--gpu", "rtx-4090", "--mode", "server", "--max-single-sequence-length",
                String.valueOf(context), "--max-batch");
        assertThat(cliBatch.out()).startsWith("max batch: " + batch + " sequences");
        String device = exploration.applySmallestDevice().orElseThrow().name();
        CliTest.Run cliDevice = solve("--gpu", "rtx-4090", "--mode", "server", "--max-num-sequence", String.valueOf(batch),
                "--max-single-sequence-length", String.valueOf(context), "--smallest-device");
        assertThat(cliDevice.out()).startsWith("smallest preset device: " + device + " (");
    }

    @Test
    void aQuestionIsRequiredAndOnlyOne() {
        assertThat(solve("--gpu", "rtx-4090").code()).isEqualTo(2);
        CliTest.Run two = solve("--gpu", "rtx-4090", "--max-context", "--max-batch");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err().strip().lines().count()).isEqualTo(1);
        assertThat(solve("--max-context").err()).contains("no device given");
        assertThat(List.of(solve("--gpu", "rtx-4090", "--mode", "turbo", "--max-batch").code())).containsExactly(2);
    }
}
