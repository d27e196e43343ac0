package dev.kvlens.model;

import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.explore.DeviceMemorySolver;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static dev.kvlens.TestScenarios.H100_BYTES;
import static dev.kvlens.TestScenarios.MIB;
import static dev.kvlens.TestScenarios.RTX4090_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The special rules of §3.2–§3.8: devices, user overrides, unlimited context, eras, failures, RNN state. */
class EngineRulesTest {

    private static final ModelLibrary LLAMA3 = WorkedExampleTest.scenarioA();

    private static Estimate run(ModelLibrary lib, Device device, EngineSettings engine, RuleSet rules) {
        return Estimator.estimate(new Scenario(lib, device, engine, rules));
    }

    private static Device cuda(long bytes) {
        return new Device("gpu", Backend.CUDA, bytes);
    }

    @Test
    void metalCapsTheKvCapacityAt32768() {
        // 64 GB Mac: recommendedMaxWorkingSetSize 48 GiB; server Tmax would be ~ 280k tokens.
        Device mac = new Device("mac", Backend.METAL, 48L << 30);
        Estimate e = run(LLAMA3, mac, EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025);
        assertThat(e.selected().capacityFromMemory()).isEqualTo(32768);
        assertThat(e.selected().maxTotalSequenceLength()).isEqualTo(32768);
        Estimate cuda = run(LLAMA3, cuda(48L << 30), EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025);
        assertThat(cuda.selected().maxTotalSequenceLength()).isGreaterThan(32768);
    }

    @Test
    void openClFloorExistsOnlyInTheCppEra() {
        Device phone = new Device("phone", Backend.OPENCL, 3L << 30);
        assertThat(run(LLAMA3, phone, EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025).deviceBytes())
                .isEqualTo(5L << 30);
        assertThat(run(LLAMA3, phone, EngineSettings.defaults(EngineMode.LOCAL), RuleSet.C2024).deviceBytes())
                .isEqualTo(3L << 30);
    }

    @Test
    void defaultUtilizationIsTheCppFloatInEraDAndExactInEraC() {
        assertThat(run(LLAMA3, cuda(H100_BYTES), EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025).utilization())
                .isEqualTo(0.8500000238418579);
        assertThat(run(LLAMA3, cuda(H100_BYTES), EngineSettings.defaults(EngineMode.LOCAL), RuleSet.C2024).utilization())
                .isEqualTo(0.85);
    }

    @Test
    void userBatchAppliesToEveryModeAndSaysSo() {
        EngineSettings engine = EngineSettings.defaults(EngineMode.LOCAL)
                .withOverrides(EngineOverrides.NONE.withMaxNumSequence(OptionalLong.of(64)));
        Estimate e = run(LLAMA3, cuda(RTX4090_BYTES), engine, RuleSet.D2025);
        assertThat(e.modes()).allSatisfy(m -> {
            assertThat(m.maxNumSequence()).isEqualTo(64);
            assertThat(m.batchSpecifiedByUser()).isTrue();
        });
        assertThat(MlcLogFormatter.lines(e).get(0))
                .startsWith("Under mode \"local\", max batch size 64 is specified by user, max KV cache token capacity will be set to 8192");
        // local B 4 → 64 grows kv_aux by 60 × 88 B and the logit workspace by 60 × 2,068,148 B (§7 formulas)
        ModeEstimate before = run(LLAMA3, cuda(RTX4090_BYTES), EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025).selected();
        assertThat(e.selected().kvAuxBytes() - before.kvAuxBytes()).isEqualTo(60 * 88);
        assertThat(e.selected().logitWorkspaceBytes() - before.logitWorkspaceBytes()).isEqualTo(60 * 2_068_148.0);
    }

    @Test
    void userCapacityAndPrefillAreTakenAsGivenAndWorded() {
        EngineSettings engine = EngineSettings.defaults(EngineMode.SERVER).withOverrides(EngineOverrides.NONE
                .withMaxTotalSequenceLength(OptionalLong.of(20000)).withPrefillChunkSize(OptionalLong.of(16384)));
        Estimate e = run(LLAMA3, cuda(RTX4090_BYTES), engine, RuleSet.D2025);
        ModeEstimate server = e.selected();
        assertThat(server.maxTotalSequenceLength()).isEqualTo(20000);
        assertThat(server.prefillChunkSize()).isEqualTo(16384); // not clamped to the compiled 8192
        assertThat(MlcLogFormatter.lines(e).get(2)).isEqualTo("Under mode \"server\", max batch size will be set to 128, "
                + "max KV cache token capacity 20000 is specified by user, prefill chunk size 16384 is specified by user. ");
        Estimate c = run(LLAMA3, cuda(RTX4090_BYTES), engine, RuleSet.C2024);
        assertThat(MlcLogFormatter.lines(c).get(2)).isEqualTo("Under mode \"server\", max batch size is set to 128, "
                + "max KV cache token capacity 20000 is specified by user. prefill chunk size 16384 is specified by user. "
                + "We use as much GPU memory as possible (within the limit of gpu_memory_utilization).");
    }

    @Test
    void userSingleSequenceLengthIsClampedToTheCompiledContextAndDrivesServerCapacity() {
        EngineSettings engine = EngineSettings.defaults(EngineMode.SERVER)
                .withOverrides(EngineOverrides.NONE.withMaxSingleSequenceLength(OptionalLong.of(100_000)));
        ModeEstimate server = run(LLAMA3, cuda(H100_BYTES), engine, RuleSet.D2025).selected();
        assertThat(server.maxSingleSequenceLength()).isEqualTo(8192);
        EngineSettings small = EngineSettings.defaults(EngineMode.SERVER)
                .withOverrides(EngineOverrides.NONE.withMaxSingleSequenceLength(OptionalLong.of(1000)));
        ModeEstimate capped = run(LLAMA3, cuda(H100_BYTES), small, RuleSet.D2025).selected();
        assertThat(capped.maxTotalSequenceLength()).isEqualTo(128 * 1000);
        assertThatThrownBy(() -> run(LLAMA3, cuda(H100_BYTES), small, RuleSet.C2024))
                .hasMessageContaining("no max_single_sequence_length override");
    }

    @Test
    void slidingWindowOnlyModelsHaveUnlimitedSingleSequences() {
        ModelLibrary mistral = TestScenarios.preset("mistral-7b-v0.1").library(Quantization.require("q4f16_1"));
        Estimate e = run(mistral, cuda(RTX4090_BYTES), EngineSettings.defaults(EngineMode.INTERACTIVE), RuleSet.D2025);
        ModeEstimate local = e.mode(EngineMode.LOCAL).orElseThrow();
        ModeEstimate interactive = e.mode(EngineMode.INTERACTIVE).orElseThrow();
        ModeEstimate server = e.mode(EngineMode.SERVER).orElseThrow();
        assertThat(local.unlimitedSingleSequence()).isTrue();
        assertThat(local.maxTotalSequenceLength()).isEqualTo(8192);
        assertThat(interactive.maxTotalSequenceLength()).isEqualTo(interactive.capacityFromMemory());
        assertThat(server.maxTotalSequenceLength()).isEqualTo(server.capacityFromMemory());
        // era C's "unlimited" is 10^9 and server multiplies it by B
        Estimate c = run(mistral, cuda(RTX4090_BYTES), EngineSettings.defaults(EngineMode.SERVER), RuleSet.C2024);
        assertThat(c.selected().maxSingleSequenceLength()).isEqualTo(1_000_000_000L);
        assertThat(c.selected().maxTotalSequenceLength()).isEqualTo(c.selected().capacityFromMemory());
    }

    @Test
    void runtimeContextAboveCompileIsClampedInEraDAndAnErrorInEraC() {
        ModelLibrary edited = LLAMA3.withChatConfig(new ChatConfigValues(16384, 8192, 8192));
        Estimate d = run(edited, cuda(H100_BYTES), EngineSettings.defaults(EngineMode.INTERACTIVE), RuleSet.D2025);
        assertThat(d.selected().maxSingleSequenceLength()).isEqualTo(8192);
        assertThatThrownBy(() -> run(edited, cuda(H100_BYTES), EngineSettings.defaults(EngineMode.INTERACTIVE), RuleSet.C2024))
                .hasMessage("Model 0's runtime context window size (16384) is larger than the context window size used at compile time (8192)");
    }

    @Test
    void insufficientMemoryPrintsDebugLinesThenMlcsError() {
        // 4 GiB CUDA: G·0.85f = 3,650,722,304 B = 3481.600 MiB; local temp + workspaces
        // = 2,617,245,696 + 220,266,936 + 134,283,280 + 8,272,592 = 2,980,068,504 B = 2842.015 MiB.
        Estimate e = run(LLAMA3, cuda(4L << 30), EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025);
        assertThat(e.succeeds()).isFalse();
        List<String> lines = MlcLogFormatter.lines(e);
        assertThat(lines.subList(0, 4)).containsExactly("temp_buffer = 2496.000", "kv_aux workspace = 210.063",
                "model workspace = 128.063", "logit processor workspace = 7.889");
        assertThat(lines).hasSize(12 + 4);
        assertThat(lines.subList(12, 16)).containsExactly(
                "Insufficient GPU memory error: The available single GPU memory is 3481.600 MB, which is less than the sum "
                        + "of model weight size (4308.133 MB) and temporary buffer size (2842.015 MB).",
                "1. You can set a larger \"gpu_memory_utilization\" value.",
                "2. If the model weight size is too large, please enable tensor parallelism by passing "
                        + "`--tensor-parallel-shards $NGPU` to `mlc_llm gen_config` or use quantization.",
                "3. If the temporary buffer size is too large, please use a smaller `--prefill-chunk-size` in `mlc_llm gen_config`.");
    }

    @Test
    void onlyTheSelectedModeCanFailInEraDWhileEraCFailsInTheFirstModeThatDoesNotFit() {
        // Enough for local (B = 4) but not for server (B = 128 adds ~250 MiB of logit workspace):
        // find the boundary with the solver and sit one MiB below server's need.
        Scenario s = new Scenario(LLAMA3, cuda(H100_BYTES), EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025);
        long serverNeeds = DeviceMemorySolver.deviceRangeForCapacity(s, EngineMode.SERVER, 1).orElseThrow().minBytes();
        Estimate d = Estimator.estimate(s.withDevice(cuda(serverNeeds - MIB)));
        assertThat(d.mode(EngineMode.SERVER).orElseThrow().fits()).isFalse();
        assertThat(d.selected().fits()).isTrue();
        assertThat(d.succeeds()).isTrue();
        List<String> lines = MlcLogFormatter.lines(d);
        assertThat(lines.get(2)).startsWith("temp_buffer = ");
        assertThat(lines.get(lines.size() - 2)).startsWith("The actual engine mode is \"local\"");

        Scenario eraC = s.withRules(RuleSet.C2024);
        long serverNeedsC = DeviceMemorySolver.deviceRangeForCapacity(eraC, EngineMode.SERVER, 1).orElseThrow().minBytes();
        Estimate c = Estimator.estimate(eraC.withDevice(cuda(serverNeedsC - MIB)));
        assertThat(c.mode(EngineMode.LOCAL).orElseThrow().fits()).isTrue();
        assertThat(c.mode(EngineMode.SERVER).orElseThrow().fits()).isFalse();
        assertThat(c.succeeds()).isFalse();
        assertThat(MlcLogFormatter.lines(c)).hasSize(3); // local and interactive lines, then the error
    }

    @Test
    void eraCErrorInterpolatesPythonFloats() {
        // Python: f"{4517404672.0}" and f"{4294967296 * 0.85}" (no ×2 in era C, params as a float sum)
        Estimate c = run(LLAMA3, cuda(4L << 30), EngineSettings.defaults(EngineMode.LOCAL), RuleSet.C2024);
        assertThat(MlcLogFormatter.failureMessage(c)).hasValue(
                "The model weight size 4517404672.0 may be larger than available GPU memory size 3650722201.6 bytes.");
        assertThat(MlcLogFormatter.lines(c)).hasSize(1);
    }

    @Test
    void capacityBeyondInt32IsFlaggedNotWrapped() {
        ModelLibrary tiny = TestScenarios.preset("qwen2.5-0.5b").library(Quantization.require("q4f16_1"));
        Estimate e = run(tiny, cuda(1L << 50), EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025);
        assertThat(e.selected().capacityOverflowsInt32()).isTrue();
        assertThat(e.selected().capacityFromMemory()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rnnStatePathFollowsSection3_7() {
        // A small RWKV-like geometry: hidden 2048, 24 layers, 32 heads of 64, vocab 65536, prefill 4096.
        ModelGeometry g = new ModelGeometry("rwkv6", ModelFamily.RWKV, 24, 32, 32, 64, 2048, 7168, 65536, false, false);
        CompileConfig compile = new CompileConfig(-1, 4096, 128, 1, 1, -1);
        ModelLibrary rwkv = ModelLibrary.withGivenParams("rwkv", g, Quantization.require("q4f16_1"), compile,
                ByteFigure.given(1_000_000_000L, "test")).withTempFuncBytes(ByteFigure.given(100_000_000L, "test"));
        Estimate e = run(rwkv, cuda(RTX4090_BYTES), EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025);
        ModeEstimate m = e.selected();
        assertThat(e.modes()).hasSize(1);
        assertThat(m.maxNumSequence()).isEqualTo(4); // server also gets min(4, max batch) on the RNN path
        assertThat(m.prefillChunkSize()).isEqualTo(4096);
        assertThat(m.maxTotalSequenceLength()).isEqualTo(32768);
        // rnn base = 4·2048·24·2·2 + 4·32·64·64·24·2 = 786,432 + 25,165,824
        assertThat(m.kvBytesPerToken()).isEqualTo(25_952_256.0);
        // model ws = 4096·4 + 4·4 + (8192 + 4)·2048·2 = 33,587,216; logit = 80 + 4·65536·16.125 = 4,227,152
        assertThat(m.modelWorkspaceBytes()).isEqualTo(33_587_216.0);
        assertThat(m.logitWorkspaceBytes()).isEqualTo(4_227_152.0);
        double expected = (25_756_172_288L * 0.8500000238418579 - 1_000_000_000L - 100_000_000L - 33_587_216.0 - 4_227_152.0)
                / 25_952_256.0;
        assertThat(m.capacityFromMemory()).isEqualTo((long) expected);
        assertThat(m.tempBufferBytes()).isEqualTo(100_000_000L); // sum over functions, no ×2
        assertThat(m.totalBytes()).isEqualTo(1_100_000_000L + m.capacityFromMemory() * 25_952_256.0);
        assertThat(MlcLogFormatter.lines(e).get(0)).isEqualTo("Under mode \"server\", prefill chunk size will be set to 4096, "
                + "max batch size will be set to 4, max RNN state token capacity will be set to 32768. "
                + "We use as much GPU memory as possible (within the limit of gpu_memory_utilization).");
        assertThat(MlcLogFormatter.lines(e).get(2)).contains("RNN state: ");
        EngineSettings msl = EngineSettings.defaults(EngineMode.SERVER)
                .withOverrides(EngineOverrides.NONE.withMaxSingleSequenceLength(OptionalLong.of(100)));
        assertThatThrownBy(() -> run(rwkv, cuda(RTX4090_BYTES), msl, RuleSet.D2025))
                .hasMessageContaining("RNN state does not support max_single_sequence_length");
    }

    @Test
    void utilizationAboveOneIsUsedAsGivenAndNonPositiveIsRejected() {
        // rules §3.1: MLC has no range check on gpu_memory_utilization; values above 1 are used as they are.
        assertThat(EngineSettings.defaults(EngineMode.LOCAL).withGpuMemoryUtilization(OptionalDouble.of(1.5))
                .gpuMemoryUtilization()).hasValue(1.5);
        for (double bad : new double[] {0, -0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> EngineSettings.defaults(EngineMode.LOCAL).withGpuMemoryUtilization(OptionalDouble.of(bad)))
                    .hasMessageContaining("gpu_memory_utilization");
        }
    }
}
