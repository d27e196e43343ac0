package dev.kvlens.io;

import java.util.Locale;
import dev.kvlens.text.Phrases;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Every era of MLC's log text, from the published logs' verbatim lines. */
class MlcLogParserTest {

    @ParameterizedTest(name = "{0}: {1} params {2} temp {3} kv {4}")
    @CsvSource({
        "mlc-2026-compile,                    E2024_03, 3615.13,   462.01, 0.00",
        "zhjunqin-llama2-7b-cuda-compile,     E2024_03, 3615.13,   462.62, 0.00",
        "zhjunqin-redpajama-3b-compile,       E2024_03, 1491.34,    90.39, 0.00",
        "mlc-2406-tinymistral-compile,        E2024_03,  560.74,     0.03, 0.00",
        "mlc-1556-phi2,                       E2024_01, 1492.45,   910.71, 640.00",
        "bentomlc-llama3-8b-q0f16-compile-2024-06, E2024_05, 15316.51, 312.00, ",
        "mlc-3221-sample,                     E2025,     923.16,  1331.00, "})
    void compileReportsOfEveryEra(String id, CompileReport.Era era, String params, String temp, String kv) {
        PrintedLog.Compile c = MlcLogParser.parse(TestScenarios.publishedText(id)).compile().orElseThrow();
        assertThat(c.era()).isEqualTo(era);
        assertThat(c.paramsMib()).contains(new BigDecimal(params));
        assertThat(c.tempMib()).contains(new BigDecimal(temp));
        if (kv == null) {
            assertThat(c.kvCacheMib()).isEmpty();
        } else {
            assertThat(c.kvCacheMib()).contains(new BigDecimal(kv));
        }
    }

    @Test
    void perTokenLineAndRegisteredMetadata() {
        PrintedLog.Compile c = MlcLogParser.parse(TestScenarios.publishedText("mlc-3221-sample")).compile().orElseThrow();
        assertThat(c.kvPerTokenMib()).contains(new BigDecimal("0.11"));
        PrintedLog.Compile mistral = MlcLogParser.parse(TestScenarios.publishedText("mlc-2406-tinymistral-compile")).compile().orElseThrow();
        PrintedLog.RegisteredMetadata m = mistral.metadata();
        assertThat(m.modelType()).contains("mistral");
        assertThat(m.quantization()).contains("q4f16_1");
        assertThat(m.contextWindowSize()).hasValue(-1);
        assertThat(m.slidingWindowSize()).hasValue(4096);
        assertThat(m.prefillChunkSize()).hasValue(1);
        assertThat(m.tensorParallelShards()).hasValue(1);
        assertThat(m.maxBatchSize()).isEmpty();
    }

    @Test
    void functionLinesAndTheLargestOne() {
        String text = """
                [2024-04-21 14:09:34] INFO estimate_memory_usage.py:55: [Memory usage] Function `batch_decode`: 12.50 MB
                [2024-04-21 14:09:34] INFO estimate_memory_usage.py:55: [Memory usage] Function `prefill`: 1184.01 MB
                [2024-04-21 14:09:34] INFO estimate_memory_usage.py:55: [Memory usage] Function `softmax_with_temperature`: 0.00 MB
                [2024-04-21 14:09:45] INFO model_metadata.py:96: Total memory usage: 5492.76 MB (Parameters: 4308.13 MB. KVCache: 0.00 MB. Temporary buffer: 1184.62 MB)
                """;
        PrintedLog.Compile c = MlcLogParser.parse(text).compile().orElseThrow();
        assertThat(c.functionMib()).hasSize(3).containsEntry("prefill", new BigDecimal("1184.01"));
        assertThat(c.largestFunction()).hasValueSatisfying(e -> assertThat(e.getKey()).isEqualTo("prefill"));
        assertThat(c.tempMib()).contains(new BigDecimal("1184.62"));
    }

    @Test
    void runtimeLinesInTheCppWording() {
        PrintedLog.Runtime r = MlcLogParser.parse(TestScenarios.publishedText("mlc-3254-llama2-7b-q0f16-tp4")).runtime().orElseThrow();
        assertThat(r.wording()).isEqualTo(RuleSet.Wording.CPP_WILL_BE_SET);
        assertThat(r.modes()).hasSize(3);
        PrintedLog.ModeLine server = r.modes().get(EngineMode.SERVER);
        assertThat(server.maxNumSequence()).isEqualTo(128);
        assertThat(server.maxTotalSequenceLength()).isEqualTo(120261);
        assertThat(server.prefillChunkSize()).isEqualTo(4096);
        assertThat(server.batchByUser()).isFalse();
        assertThat(r.actualMode()).contains(EngineMode.SERVER);
        assertThat(r.estimated()).hasValueSatisfying(m -> {
            assertThat(m.totalMib()).isEqualByComparingTo("19208.825");
            assertThat(m.paramsMib()).isEqualByComparingTo("3588.508");
            assertThat(m.kvCacheMib()).isEqualByComparingTo("15113.060");
            assertThat(m.tempMib()).isEqualByComparingTo("507.257");
        });
    }

    @Test
    void runtimeLinesInTheAprilPythonWordingWithUserBatch() {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("bench-3090-llama3-8b-c2024-server"));
        PrintedLog.Runtime r = log.runtime().orElseThrow();
        assertThat(r.wording()).isEqualTo(RuleSet.Wording.PYTHON_IS_SET);
        assertThat(r.modes().get(EngineMode.LOCAL).batchByUser()).isTrue();
        assertThat(r.modes().get(EngineMode.LOCAL).maxNumSequence()).isEqualTo(48);
        assertThat(log.serverCapacity()).hasValue(126754);
        assertThat(r.estimated().orElseThrow().totalMib()).isEqualByComparingTo("21833.68");
    }

    @Test
    void insufficientMemoryErrorEvenInsideAJavaException() {
        PrintedLog.Runtime r = MlcLogParser.parse(TestScenarios.publishedText("mlc-2703-pixel8pro-oom")).runtime().orElseThrow();
        assertThat(r.failure()).hasValueSatisfying(f -> {
            assertThat(f.availableMib()).isEqualByComparingTo("4352.000");
            assertThat(f.paramsMib()).isEqualByComparingTo("4308.133");
            assertThat(f.tempMib()).isEqualByComparingTo("278.504");
        });
    }

    @Test
    void crlfBomAnsiColoursAndChineseAroundTheLines() {
        String text = "\uFEFF日志开始\r\n[2025-05-03 21:44:24] INFO model_metadata.py:94: \u001B[92mTotal memory usage without KV cache\u001B[0m: "
                + "2254.16 MB (Parameters: 923.16 MB. Temporary buffer: 1331.00 MB)\r\n其他输出\r\n";
        PrintedLog.Compile c = MlcLogParser.parse(text).compile().orElseThrow();
        assertThat(c.era()).isEqualTo(CompileReport.Era.E2025);
        assertThat(c.paramsMib()).contains(new BigDecimal("923.16"));
    }

    @Test
    void garbageIsIgnoredAndBrokenMlcLinesBecomeWarnings() {
        assertThat(MlcLogParser.parse("hello\nworld").isEmpty()).isTrue();
        PrintedLog log = MlcLogParser.parse("Registering metadata: {'model_type': 'llama', 'context_window_size': }");
        assertThat(log.warnings()).hasSize(1);
        assertThat(Phrases.format(Locale.ENGLISH, log.warnings().get(0))).startsWith("could not read: ");
        assertThat(Phrases.format(Locale.SIMPLIFIED_CHINESE, log.warnings().get(0))).startsWith("无法读取：");
    }
}
