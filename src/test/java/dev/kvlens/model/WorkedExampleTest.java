package dev.kvlens.model;

import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.kvlens.TestScenarios.H100_BYTES;
import static dev.kvlens.TestScenarios.RTX4090_BYTES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of rules §7 (Llama-3-8B-Instruct q4f16_1 on an H100 80GB and an RTX 4090), every
 * number of its tables. Expected values are the rules file's, not this code's.
 */
public class WorkedExampleTest {

    /** §7 item 2: tempFunc = 8192 × (2·28672 + 14336 + 2·4096) × 2 = 1,308,622,848 B (the §4.2 heuristic). */
    static final long TEMP_A = 8192L * (2 * 28672 + 14336 + 2 * 4096) * 2;
    /** §7 item 3: the same at prefill 2048 = 327,155,712 B. */
    static final long TEMP_B = 2048L * (2 * 28672 + 14336 + 2 * 4096) * 2;

    public static ModelLibrary scenarioA() {
        return TestScenarios.library("llama-3-8b", "q4f16_1", new CompileConfig(8192, 8192, 128, 1, 1, -1), TEMP_A);
    }

    static ModelLibrary scenarioB() {
        return TestScenarios.library("llama-3-8b", "q4f16_1", new CompileConfig(8192, 2048, 80, 1, 1, -1), TEMP_B);
    }

    static ModeEstimate estimate(ModelLibrary library, long device, EngineMode mode) {
        return Estimator.estimate(TestScenarios.scenario(library, device, mode, RuleSet.D2025)).selected();
    }

    @Test
    void parameterAndTemporaryBytesAreTheWorkedExamplesInputs() {
        ModelLibrary a = scenarioA();
        assertThat(a.paramsBytes().bytes()).isEqualTo(4_517_404_672L);
        assertThat(a.paramsBytes().provenance()).isEqualTo(ByteFigure.Provenance.COMPUTED);
        assertThat(TEMP_A).isEqualTo(1_308_622_848L);
        // The heuristic the library uses on its own gives the same figure (§4.2 check).
        ModelLibrary fromPreset = TestScenarios.preset("llama-3-8b").library(Quantization.require("q4f16_1"));
        assertThat(fromPreset.tempFuncBytes().bytes()).isEqualTo(TEMP_A);
        assertThat(fromPreset.tempFuncBytes().provenance()).isEqualTo(ByteFigure.Provenance.HEURISTIC);
    }

    @ParameterizedTest(name = "scenario A, {0}: kv_aux {1}, model_ws {2}, logit_ws {3}")
    @CsvSource({
        "LOCAL,       220266936, 134283280,   8272592",
        "INTERACTIVE, 220266672, 134258692,   2068148",
        "SERVER,      220277848, 135299584, 264722944"})
    void workspacesMatchTheTable(EngineMode mode, double kvAux, double modelWs, double logitWs) {
        ModeEstimate m = estimate(scenarioA(), H100_BYTES, mode);
        assertThat(m.kvBytesPerToken()).isEqualTo(131_073.25);
        assertThat(m.kvAuxBytes()).isEqualTo(kvAux);
        assertThat(m.modelWorkspaceBytes()).isEqualTo(modelWs);
        assertThat(m.logitWorkspaceBytes()).isEqualTo(logitWs);
        assertThat(m.tempBufferBytes()).isEqualTo(2_617_245_696L);
        assertThat(m.availableBytes()).isEqualTo(72_273_784_401.625);
    }

    @ParameterizedTest(name = "scenario A, {0} on {1}: B={2} Tmax={3} T={4} P={5}")
    @CsvSource({
        "LOCAL,       H100,   4, 494199,   8192, 8192,  8174.157, 4308.133,  1234.073, 2631.952",
        "INTERACTIVE, H100,   1, 494246,   8192, 8192,  8168.217, 4308.133,  1234.072, 2626.011",
        "SERVER,      H100, 128, 492234, 492234, 8192, 68925.534, 4308.133, 61739.910, 2877.491",
        "LOCAL,       4090,   4, 109826,   8192, 8192,  8174.157, 4308.133,  1234.073, 2631.952",
        "INTERACTIVE, 4090,   1, 109873,   8192, 8192,  8168.217, 4308.133,  1234.072, 2626.011",
        "SERVER,      4090, 128, 107861, 107861, 8192, 20878.451, 4308.133, 13692.827, 2877.491"})
    void scenarioAMatchesTheTable(EngineMode mode, String card, long b, long tmax, long t, long p,
                                  String total, String params, String kv, String temp) {
        ModeEstimate m = estimate(scenarioA(), card.equals("H100") ? H100_BYTES : RTX4090_BYTES, mode);
        assertThat(m.maxNumSequence()).isEqualTo(b);
        assertThat(m.capacityFromMemory()).isEqualTo(tmax);
        assertThat(m.maxTotalSequenceLength()).isEqualTo(t);
        assertThat(m.prefillChunkSize()).isEqualTo(p);
        assertPrinted(m, total, params, kv, temp);
    }

    @ParameterizedTest(name = "scenario B, {0} on {1}: T={2} P={3}")
    @CsvSource({
        "LOCAL,       H100,   8192, 2048,  6084.587,  1112.526, 663.928",
        "INTERACTIVE, H100,   8192, 2048,  6078.646,  1112.526, 657.988",
        "SERVER,      H100, 509711, 2048, 68925.558, 63803.005, 814.420",
        "SERVER,      4090, 125338, 2048, 20878.475, 15755.922, 814.420"})
    void scenarioBMatchesTheTable(EngineMode mode, String card, long t, long p, String total, String kv, String temp) {
        ModeEstimate m = estimate(scenarioB(), card.equals("H100") ? H100_BYTES : RTX4090_BYTES, mode);
        assertThat(m.maxNumSequence()).isEqualTo(mode == EngineMode.SERVER ? 80 : mode == EngineMode.LOCAL ? 4 : 1);
        assertThat(m.maxTotalSequenceLength()).isEqualTo(t);
        assertThat(m.prefillChunkSize()).isEqualTo(p);
        assertPrinted(m, total, "4308.133", kv, temp);
    }

    @Test
    void predictedLogForH100LocalIsPrintedExactly() {
        Estimate e = Estimator.estimate(TestScenarios.scenario(scenarioA(), H100_BYTES, EngineMode.LOCAL, RuleSet.D2025));
        assertThat(MlcLogFormatter.lines(e)).containsExactly(
                "Under mode \"local\", max batch size will be set to 4, max KV cache token capacity will be set to 8192, prefill chunk size will be set to 8192. ",
                "Under mode \"interactive\", max batch size will be set to 1, max KV cache token capacity will be set to 8192, prefill chunk size will be set to 8192. ",
                "Under mode \"server\", max batch size will be set to 128, max KV cache token capacity will be set to 492234, prefill chunk size will be set to 8192. ",
                "The actual engine mode is \"local\". So max batch size is 4, max KV cache token capacity is 8192, prefill chunk size is 8192.",
                "Estimated total single GPU memory usage: 8174.157 MB (Parameters: 4308.133 MB. KVCache: 1234.073 MB. Temporary buffer: 2631.952 MB). The actual usage might be slightly larger than the estimated number.");
    }

    @Test
    void on4090OnlyTheServerLineChanges() {
        Estimate e = Estimator.estimate(TestScenarios.scenario(scenarioA(), RTX4090_BYTES, EngineMode.LOCAL, RuleSet.D2025));
        assertThat(MlcLogFormatter.lines(e).get(2)).isEqualTo(
                "Under mode \"server\", max batch size will be set to 128, max KV cache token capacity will be set to 107861, prefill chunk size will be set to 8192. ");
    }

    @Test
    void compileReportsOfBothScenarios() {
        assertThat(CompileReport.of(scenarioA(), CompileReport.Era.E2025).lines()).containsExactly(
                "Total memory usage without KV cache: 5556.13 MB (Parameters: 4308.13 MB. Temporary buffer: 1248.00 MB)",
                "KV cache size: 0.12 MB per token in the context window",
                "Total memory usage with a 4K KV cache: 6068.13 MB",
                "To reduce memory usage, tweak `prefill_chunk_size`, `context_window_size` and `sliding_window_size`");
        assertThat(CompileReport.of(scenarioB(), CompileReport.Era.E2025).lines()).startsWith(
                "Total memory usage without KV cache: 4620.13 MB (Parameters: 4308.13 MB. Temporary buffer: 312.00 MB)",
                "KV cache size: 0.12 MB per token in the context window",
                "Total memory usage with a 4K KV cache: 5132.13 MB");
    }

    @ParameterizedTest(name = "Llama-3.1-8B {0} on {1}: T={2}, total {3}")
    @CsvSource({
        "LOCAL,       H100,   8192,  8174.157",
        "INTERACTIVE, H100, 131072, 23528.363",
        "INTERACTIVE, 4090, 109873, 20878.463"})
    void llama31ContrastWithALongContextWindow(EngineMode mode, String card, long t, String total) {
        ModelLibrary llama31 = TestScenarios.library("llama-3.1-8b", "q4f16_1",
                new CompileConfig(131072, 8192, 128, 1, 1, -1), TEMP_A);
        ModeEstimate m = estimate(llama31, card.equals("H100") ? H100_BYTES : RTX4090_BYTES, mode);
        assertThat(m.maxTotalSequenceLength()).isEqualTo(t);
        assertThat(Mib.format(m.totalBytes(), 3)).isEqualTo(total);
    }

    private static void assertPrinted(ModeEstimate m, String total, String params, String kv, String temp) {
        assertThat(Mib.format(m.totalBytes(), 3)).as("total").isEqualTo(total);
        assertThat(Mib.format(m.paramsBytes(), 3)).as("parameters").isEqualTo(params);
        assertThat(Mib.format(m.kvCacheBytes(), 3)).as("KV cache").isEqualTo(kv);
        assertThat(Mib.format(m.temporaryBytes(), 3)).as("temporary").isEqualTo(temp);
    }
}
