package dev.kvlens.ui.scenario;

import dev.kvlens.ui.chart.MemoryBar;
import dev.kvlens.ui.chart.Segment;
import dev.kvlens.ui.imports.ImportViewModel;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.RuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The view model without the toolkit: each input moves the right outputs. */
class EstimatorViewModelTest {

    private EstimatorViewModel vm;

    @BeforeEach
    void setUp() {
        vm = TestScenarios.startingViewModel();
    }

    private ModeEstimate mode(EngineMode mode) {
        return vm.result().estimate().orElseThrow().mode(mode).orElseThrow();
    }

    private MemoryBar bar(EngineMode mode) {
        return vm.chartProperty().getValue().bars().stream()
                .filter(b -> b.mode().filter(m -> m == mode).isPresent()).findFirst().orElseThrow();
    }

    @Test
    void startsWithTheWorkedExampleOnAn4090() {
        // rules §7: local/interactive 8192 tokens, server 105,511 on the 4090's 25,393,692,672 B (§3.2)
        assertThat(mode(EngineMode.LOCAL).maxTotalSequenceLength()).isEqualTo(8192);
        assertThat(mode(EngineMode.SERVER).maxTotalSequenceLength()).isEqualTo(105511);
        assertThat(vm.chartProperty().getValue().bars()).hasSize(4);
        assertThat(vm.chartProperty().getValue().bars().get(0).compileReport()).isTrue();
        assertThat(vm.chartProperty().getValue().bars().get(0).bytes(Segment.KV_PAGES)).isZero();
        assertThat(vm.logTextProperty().getValue()).contains(
                "Estimated total single GPU memory usage: 8174.157 MB (Parameters: 4308.133 MB. KVCache: 1234.073 MB. Temporary buffer: 2631.952 MB).");
    }

    @Test
    void batchFromAutoTo64ChangesLocalBatchAndItsKvBar() {
        double kvBefore = bar(EngineMode.LOCAL).bytes(Segment.KV_AUX);
        assertThat(mode(EngineMode.LOCAL).maxNumSequence()).isEqualTo(4);
        vm.batchSizeProperty().set(64);
        assertThat(mode(EngineMode.LOCAL).maxNumSequence()).isEqualTo(64);
        assertThat(mode(EngineMode.SERVER).maxNumSequence()).isEqualTo(64); // MLC applies it to every mode
        assertThat(bar(EngineMode.LOCAL).bytes(Segment.KV_AUX) - kvBefore).isEqualTo(60 * 88);
        assertThat(bar(EngineMode.LOCAL).batch()).isEqualTo(64);
    }

    @Test
    void compilePrefill8192To2048ShrinksTheTemporarySegment() {
        double before = bar(EngineMode.LOCAL).bytes(Segment.TEMPORARY);
        vm.prefillChunkProperty().set(2048);
        double after = bar(EngineMode.LOCAL).bytes(Segment.TEMPORARY);
        // §4.2 heuristic ×2: 2 × 8192 × 79872 × 2 → 2 × 2048 × 79872 × 2
        assertThat(before).isEqualTo(2.0 * 8192 * 79872 * 2);
        assertThat(after).isEqualTo(2.0 * 2048 * 79872 * 2);
        assertThat(mode(EngineMode.LOCAL).prefillChunkSize()).isEqualTo(2048);
        assertThat(vm.chartProperty().getValue().bars().get(0).bytes(Segment.TEMPORARY)).isEqualTo(2048.0 * 79872 * 2);
    }

    @Test
    void runtimePrefillOverrideDoesNotMoveTheBars() {
        ModeEstimate before = mode(EngineMode.LOCAL);
        vm.prefillIsRuntimeOverrideProperty().set(true);
        assertThat(vm.prefillChunkProperty().get()).isEqualTo(EstimatorViewModel.AUTO);
        vm.prefillChunkProperty().set(1024);
        ModeEstimate after = mode(EngineMode.LOCAL);
        assertThat(after.prefillChunkSize()).isEqualTo(1024);
        assertThat(after.prefillSpecifiedByUser()).isTrue();
        assertThat(after.totalBytes()).isEqualTo(before.totalBytes());
        vm.prefillIsRuntimeOverrideProperty().set(false);
        assertThat(vm.prefillChunkProperty().get()).isEqualTo(8192);
    }

    @Test
    void utilization085To095GrowsServerCapacityAndLeavesLocalAt8192() {
        long serverBefore = mode(EngineMode.SERVER).maxTotalSequenceLength();
        vm.gpuMemoryUtilizationProperty().set(0.95);
        assertThat(mode(EngineMode.SERVER).maxTotalSequenceLength()).isGreaterThan(serverBefore);
        assertThat(mode(EngineMode.LOCAL).maxTotalSequenceLength()).isEqualTo(8192);
        assertThat(vm.result().estimate().orElseThrow().utilization()).isEqualTo(0.95);
        vm.gpuMemoryUtilizationProperty().set(0.85);
        assertThat(vm.result().estimate().orElseThrow().utilization()).isEqualTo(0.8500000238418579); // MLC's default
    }

    @Test
    void contextAndCapacitySlidersAreRuntimeOverrides() {
        vm.modeProperty().set(EngineMode.SERVER);
        vm.contextLengthProperty().set(512);
        assertThat(mode(EngineMode.SERVER).maxSingleSequenceLength()).isEqualTo(512);
        // server T = min(Tmax 105,511, B × msl = 128 × 512)
        assertThat(mode(EngineMode.SERVER).maxTotalSequenceLength()).isEqualTo(128 * 512);
        vm.kvCapacityProperty().set(50_000);
        assertThat(mode(EngineMode.SERVER).maxTotalSequenceLength()).isEqualTo(50_000);
        assertThat(mode(EngineMode.SERVER).capacitySpecifiedByUser()).isTrue();
        assertThat(bar(EngineMode.SERVER).selected()).isTrue();
    }

    @Test
    void pickingAnotherModelResetsTheCompilePrefillToItsDefault() {
        // Qwen3 keeps gen_config's R(2048) (rules §2.2); the default Llama-3 preset has 8192
        vm.modelProperty().set(TestScenarios.preset("qwen3-8b"));
        assertThat(vm.prefillChunkProperty().get()).isEqualTo(2048);
        assertThat(mode(EngineMode.LOCAL).prefillChunkSize()).isEqualTo(2048);
    }

    @Test
    void aModelCheckIsWordedAgainWhenTheLanguageSwitches() {
        java.util.Locale before = dev.kvlens.text.Language.locale();
        dev.kvlens.text.Language.set(java.util.Locale.ENGLISH);
        try {
            vm.tensorParallelShardsProperty().set(3);
            // MLC's own message (ParameterLayout), as EstimatorViewModelTest and the CLI tests read it
            assertThat(vm.result().error()).hasValue(
                    "Cannot split 32 attention heads (8 key-value heads) evenly to 3 GPUs.");
            dev.kvlens.text.Language.set(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(vm.result().error()).hasValue(
                    "MLC 报错：Cannot split 32 attention heads (8 key-value heads) evenly to 3 GPUs.");
        } finally {
            dev.kvlens.text.Language.set(before);
        }
    }

    @Test
    void inconsistentInputsGiveAReasonNotAnException() {
        vm.tensorParallelShardsProperty().set(3);
        assertThat(vm.result().error()).hasValueSatisfying(m -> assertThat(m).contains("Cannot split"));
        assertThat(vm.chartProperty().getValue()).isNull();
        vm.tensorParallelShardsProperty().set(2);
        assertThat(vm.result().error()).isEmpty();
    }

    @Test
    void importingARuntimeLogComparesAndSolvesTheDevice() {
        // the log's server line gives the library's max batch (80) and prefill chunk (1024)
        ImportViewModel imports = new ImportViewModel(vm);
        dev.kvlens.model.mlc.PrintedLog log = dev.kvlens.io.MlcLogParser.parse(TestScenarios.publishedText("bentomlc-llama3-8b-local"));
        imports.importArtifact(new dev.kvlens.model.scenario.Artifact.Log("serve.log", log));
        assertThat(vm.modelProperty().get().compile().maxBatchSize()).isEqualTo(80);
        assertThat(vm.modelProperty().get().compile().prefillChunkSize()).isEqualTo(1024);
        assertThat(imports.solvedDeviceProperty().get()).isPresent();
        imports.adoptSolvedDevice();
        assertThat(imports.comparisonProperty().get()).allSatisfy(r -> assertThat(r.difference()).as(r.toString()).isEqualTo("0"));
    }

    @Test
    void aTransientlyEmptyPickerDoesNotBreakTheEstimate() {
        vm.modelProperty().set(null);
        assertThat(vm.result().error()).isPresent();
        vm.modelProperty().set(TestScenarios.preset("llama-3-8b"));
        assertThat(vm.result().error()).isEmpty();
    }

    @Test
    void aModeThatDoesNotFitCarriesMlcsErrorText() {
        DeviceOption custom = vm.devices().get(vm.devices().size() - 1);
        vm.deviceProperty().set(custom);
        vm.customDeviceBytesProperty().set(4L << 30);
        MemoryBar local = bar(EngineMode.LOCAL);
        assertThat(local.fits()).isFalse();
        assertThat(local.insufficientMemoryMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Insufficient GPU memory error: The available single GPU memory is 3481.600 MB"));
        assertThat(vm.chartProperty().getValue().bars().get(0).insufficientMemoryMessage()).isEmpty();
    }

    @Test
    void customDeviceAndRulesFeedTheEstimate() {
        DeviceOption custom = vm.devices().get(vm.devices().size() - 1);
        assertThat(custom.custom()).isTrue();
        vm.deviceProperty().set(custom);
        vm.customDeviceBytesProperty().set(81089L * 1024 * 1024);
        assertThat(mode(EngineMode.SERVER).maxTotalSequenceLength()).isEqualTo(492234); // §7 H100
        vm.rulesProperty().set(RuleSet.C2024);
        Estimate c = vm.result().estimate().orElseThrow();
        assertThat(c.rules()).isEqualTo(RuleSet.C2024);
        assertThat(c.selected().tempBufferBytes()).isEqualTo(1_308_622_848L); // no ×2 in era C
        assertThat(vm.result().compileLines().get(0)).startsWith("Total memory usage: ");
    }

    @Test
    void theCompileReportFollowsTheRuleSetsEra() {
        // real logs of each era (published-logs files): 2025-05 "without KV cache: " (one colon, c009bde4 onwards),
        // bentomlc 2024-06-06 "without KV cache:: ", llama3-70b 2024-04-21 "Total memory usage: … KVCache: 0.00 MB"
        assertThat(vm.result().compileLines().get(0)).startsWith("Total memory usage without KV cache: ");
        vm.rulesProperty().set(RuleSet.D2024_MID);
        assertThat(vm.result().compileLines().get(0)).startsWith("Total memory usage without KV cache:: ");
        vm.rulesProperty().set(RuleSet.C2024);
        assertThat(vm.result().compileLines().get(0)).startsWith("Total memory usage: ").contains("KVCache: 0.00 MB");
    }

    @Test
    void theGuiNumbersAreTheCliNumbers() {
        // same scenario through the same model code as `estimate --format json`
        Estimate gui = vm.result().estimate().orElseThrow();
        assertThat(gui.scenario()).isEqualTo(vm.scenario());
        assertThat(vm.result().runtimeLines())
                .isEqualTo(dev.kvlens.model.mlc.MlcLogFormatter.lines(dev.kvlens.model.engine.Estimator.estimate(vm.scenario())));
    }
}
