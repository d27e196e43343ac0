package dev.kvlens.model.mlc;

import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.explore.DeviceMemorySolver;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.TestScenarios;
import dev.kvlens.io.MlcLogParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static dev.kvlens.TestScenarios.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/** The overlay: once a published run's inputs are imported, every printed quantity matches with zero difference. */
class LogComparisonTest {

    private static Scenario solved(ModelLibrary lib, EngineSettings engine, RuleSet rules, PrintedLog log) {
        Scenario base = new Scenario(lib, new Device("unnamed", Backend.CUDA, 1L << 34), engine, rules);
        DeviceMemorySolver.Range range = DeviceMemorySolver
                .deviceRangeForCapacity(base, EngineMode.SERVER, log.serverCapacity().orElseThrow()).orElseThrow();
        return base.withDevice(new Device("unnamed", Backend.CUDA, range.minBytes()));
    }

    private static List<LogComparison.Row> compare(String id, Scenario scenario) {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText(id));
        return LogComparison.compare(log.runtime().orElseThrow(), Estimator.estimate(scenario));
    }

    @Test
    void bentoMlcRunMatchesEveryQuantity() {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("bentomlc-llama3-8b-local"));
        ModelLibrary lib = ModelLibrary.build(TestScenarios.preset("llama-3-8b"), Quantization.require("q4f16_1"),
                new CompileConfig(8192, 1024, 80, 1, 1, -1), null, null);
        List<LogComparison.Row> rows = compare("bentomlc-llama3-8b-local",
                solved(lib, EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025, log));
        assertThat(rows).hasSize(9 + 1 + 4);
        assertThat(rows).allSatisfy(r -> assertThat(r.difference()).as(r.quantity()).isEqualTo("0"));
        assertThat(LogComparison.allMatch(rows)).isTrue();
    }

    @Test
    void tensorParallelRunMatchesEveryQuantity() {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("mlc-3254-llama2-7b-q0f16-tp4"));
        ModelLibrary lib = ModelLibrary.build(TestScenarios.preset("llama-2-7b"), Quantization.require("q0f16"),
                new CompileConfig(4096, 4096, 128, 4, 1, -1), null, ByteFigure.given(214 * MIB, "derived"));
        List<LogComparison.Row> rows = compare("mlc-3254-llama2-7b-q0f16-tp4",
                solved(lib, EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025, log));
        assertThat(LogComparison.allMatch(rows)).as(rows.toString()).isTrue();
    }

    @Test
    void eraCRunMatchesEveryQuantity() {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("bench-3090-llama3-8b-c2024-server"));
        ModelLibrary lib = ModelLibrary.build(TestScenarios.preset("llama-3-8b"), Quantization.require("q4f16_1"),
                new CompileConfig(8192, 8192, 80, 1, 1, -1), null, null);
        EngineSettings engine = new EngineSettings(EngineMode.SERVER, OptionalDouble.of(0.90),
                EngineOverrides.NONE.withMaxNumSequence(OptionalLong.of(48)));
        List<LogComparison.Row> rows = compare("bench-3090-llama3-8b-c2024-server", solved(lib, engine, RuleSet.C2024, log));
        assertThat(LogComparison.allMatch(rows)).as(rows.toString()).isTrue();
    }

    @Test
    void aWrongInputShowsWhereAndByHowMuch() {
        List<LogComparison.Row> rows = bentoLocal(2048, 24_000); // prefill 2048 instead of 1024
        LogComparison.Row prefill = rows.stream().filter(r -> r.quantity().equals("local: prefill chunk size"))
                .findFirst().orElseThrow();
        assertThat(prefill.printed()).isEqualTo("1024");
        assertThat(prefill.ours()).isEqualTo("2048");
        assertThat(prefill.difference()).isEqualTo("1024");
        assertThat(LogComparison.allMatch(rows)).isFalse();
        // the window's table in Chinese: MLC's mode name kept, the quantity worded
        assertThat(dev.kvlens.text.Phrases.format(java.util.Locale.SIMPLIFIED_CHINESE, prefill.what()))
                .isEqualTo("local：预填充块大小");
    }

    @Test
    void aModeThatDoesNotFitIsSaidInBothLanguages() {
        // 4,308 MiB of q4f16_1 parameters (rules §7) cannot start on 4,000 MiB in any mode
        List<LogComparison.Row> rows = bentoLocal(1024, 4_000);
        LogComparison.Row batch = rows.get(0);
        assertThat(batch.quantity()).isEqualTo("local: max batch size");
        assertThat(batch.ours()).isEqualTo("does not fit");
        assertThat(dev.kvlens.text.Phrases.format(java.util.Locale.SIMPLIFIED_CHINESE, batch.oursSaid()))
                .isEqualTo("放不下");
    }

    /** The BentoML log against Llama-3-8B q4f16_1 compiled with {@code prefill}, locally on {@code mib} MiB. */
    private static List<LogComparison.Row> bentoLocal(int prefill, long mib) {
        ModelLibrary lib = ModelLibrary.build(TestScenarios.preset("llama-3-8b"), Quantization.require("q4f16_1"),
                new CompileConfig(8192, prefill, 80, 1, 1, -1), null, null);
        return compare("bentomlc-llama3-8b-local", new Scenario(lib, new Device("x", Backend.CUDA, mib * MIB),
                EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025));
    }
}
