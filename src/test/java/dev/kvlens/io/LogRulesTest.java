package dev.kvlens.io;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.mlc.RuleSetEras;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rule set a real log's engine lines belong to (rules §6): the wording, the config.cc line number of the
 * "Under mode" statement (561–672 from b310ee1c to e3877eb5, 686 and later from 1d19866a on; git history of
 * cpp/serve/config.cc at 79d603f0) and the dates of MLC's Python log lines.
 */
class LogRulesTest {

    @Test
    void aMay2024CppLogIsMidTwentyFour() {
        // BentoMLC, 2024-05-09: "[04:02:01] /workspace/mlc-llm/cpp/serve/config.cc:601: Under mode …"
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("bentomlc-llama3-8b-local"));

        assertThat(log.runtime().orElseThrow().configLine()).isEqualTo(OptionalInt.of(601));
        assertThat(RuleSetEras.ofLog(log)).contains(RuleSet.D2024_MID);
    }

    @Test
    void a2025CppLogIsTheCurrentRules() {
        // issue #3254, 2025-06-17: config.cc:798
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("mlc-3254-llama2-7b-q0f16-tp4"));

        assertThat(log.runtime().orElseThrow().configLine()).isEqualTo(OptionalInt.of(798));
        assertThat(RuleSetEras.ofLog(log)).contains(RuleSet.D2025);
    }

    @Test
    void anApril2024PythonLogIsEraCAndTellsItsDate() {
        // PR #2128: "[2024-04-12 21:44:44] INFO engine_base.py:395: Under mode "local", … is set to …"
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("mlc-2128-per-mode"));

        assertThat(RuleSetEras.ofLog(log)).contains(RuleSet.C2024);
        assertThat(log.loggedOn()).contains(LocalDate.of(2024, 4, 12));
    }

    @Test
    void aCppLogWithoutLineNumbersIsDatedByItsPythonLines() {
        String text = "[2024-07-01 10:00:00] INFO auto_device.py:79: Found device: cuda:0\n"
                + TestScenarios.publishedText("bentomlc-llama3-8b-local").replace("/workspace/mlc-llm/cpp/serve/config.cc:601: ", "");
        PrintedLog log = MlcLogParser.parse(text);

        assertThat(log.runtime().orElseThrow().configLine()).isEmpty();
        assertThat(log.loggedOn()).contains(LocalDate.of(2024, 7, 1));
        assertThat(RuleSetEras.ofLog(log)).contains(RuleSet.D2024_MID);
        assertThat(RuleSetEras.ofLog(MlcLogParser.parse(text.replace("2024-07-01", "2024-09-01")))).contains(RuleSet.D2025);
    }

    @Test
    void aCompileLogHasADateButNoEngineRules() {
        PrintedLog log = MlcLogParser.parse(TestScenarios.publishedText("bentomlc-llama3-8b-q0f16-compile-2024-06"));

        assertThat(log.loggedOn()).contains(LocalDate.of(2024, 6, 6));
        assertThat(RuleSetEras.ofLog(log)).isEmpty();
    }
}
