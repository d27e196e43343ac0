package dev.kvlens.io;

import dev.kvlens.DistinctRuns;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Files come from anywhere: at least 10,000 distinct generated malformed or mutated inputs per reader (truncated
 * JSON, wrong types, huge, negative and NaN numbers, binary garbage, mixed log eras, CRLF, BOM, Chinese text). Every
 * one must give a typed {@link InputException} or a valid result — never another exception.
 *
 * <p>Property tests with QuickTheories: a failure prints the smallest falsifying input as a Java string literal and
 * "Seed was N"; re-run it with {@code mvn test -Dtest=HostileInputPropertiesTest -DQT_SEED=N}.
 */
class HostileInputPropertiesTest {

    private static final int TRIES = 10_000;
    /**
     * Asked of QuickTheories so that at least {@link #TRIES} distinct inputs remain after it drops repeats (the
     * nasty-number, type-swap and CRLF/BOM mutations have only a few hundred distinct values; measured: 25,000
     * asked give 12,900–14,800 distinct inputs per reader, 12,000 asked only 7,500–8,100).
     */
    private static final int EXAMPLES_ASKED = 25_000;

    private static final String CHAT = resource("/configs/llama-3-8b-mlc-chat-config.json");
    private static final String HF = resource("/configs/qwen2.5-7b-config.json");
    private static final String METADATA = """
            {"context_window_size": 8192, "prefill_chunk_size": 2048, "max_batch_size": 80, "model_type": "llama",
             "kv_cache": {"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128},
             "memory_usage": {"batch_prefill": 327155712, "decode": 1048576},
             "params": [{"name": "w", "shape": ["vocab_size", 512], "dtype": "uint32"},
                        {"name": "n", "shape": [4096], "dtype": "float16"}]}""";
    private static final String LOGS = String.join("\n", List.of(
            TestScenarios.publishedText("mlc-2406-tinymistral-compile"),
            TestScenarios.publishedText("mlc-3221-sample"),
            TestScenarios.publishedText("mlc-3254-llama2-7b-q0f16-tp4"),
            TestScenarios.publishedText("bench-3090-llama3-8b-c2024-server"),
            TestScenarios.publishedText("mlc-2703-pixel8pro-oom"),
            TestScenarios.publishedText("mlc-1556-phi2")));
    private static final String SCENARIO = scenarioText();

    private static final List<String> NASTY = List.of("1e30", "-1", "0", "NaN", "\"NaN\"", "9999999999999999999999",
            "-0.5", "null", "true", "[]", "{}", "\"中文\"", "\"\"", "3.5", "1e-400", "\"\\u0000\"", "-2147483649");

    @Test
    void chatConfigReader() {
        everyInput(CHAT, text -> {
            ModelDescription d = ChatConfigReader.parse("mlc-chat-config.json", Json.parse("mlc-chat-config.json", text));
            estimate(d);
        });
    }

    @Test
    void huggingFaceConfigReader() {
        everyInput(HF, text -> estimate(HfConfigReader.parse("config.json", "m", Json.parse("config.json", text))));
    }

    @Test
    void libraryMetadataReader() {
        everyInput(METADATA, text ->
                LibraryMetadataReader.parse("meta.json", Json.parse("meta.json", text), Map.of("vocab_size", 128256L)));
    }

    @Test
    void scenarioFileReader() {
        everyInput(SCENARIO, text ->
                Estimator.estimate(ScenarioFiles.parse("s.json", Json.parse("s.json", text)).spec().toScenario()));
    }

    @Test
    void logParserAndSniffer() {
        everyInput(LOGS, text -> ArtifactReader.parse("log.txt", text, Map.of("vocab_size", 32000L), Optional.empty()));
    }

    /**
     * Runs {@code read} on at least {@link #TRIES} distinct mutations of {@code valid}. QuickTheories skips an input
     * it has already tried, so it is asked for more and the count is checked: the volume cannot silently shrink.
     */
    private static void everyInput(String valid, Consumer<String> read) {
        DistinctRuns runs = DistinctRuns.atLeast(TRIES, EXAMPLES_ASKED);
        qt().withExamples(runs.asked())
                .forAll(mutated(valid))
                .checkAssert(text -> {
                    runs.ran();
                    typedOrValid(() -> read.accept(text));
                });
        runs.check();
    }

    // ------------------------------------------------------------------ generators

    private static Gen<String> mutated(String valid) {
        Gen<String> numbers = Generate.pick(NASTY).zip(integers().between(0, 40),
                (nasty, which) -> replaceNthNumber(valid, which, nasty));
        Gen<String> truncated = integers().between(0, valid.length()).map(n -> valid.substring(0, n));
        Gen<String> spliced = integers().between(0, valid.length()).zip(junk(),
                (at, junk) -> valid.substring(0, at) + junk + valid.substring(at));
        Gen<String> deleted = integers().between(0, valid.length()).zip(integers().between(1, 30),
                (at, n) -> valid.substring(0, at) + valid.substring(Math.min(valid.length(), at + n)));
        Gen<String> garbage = lists().of(Generate.characters(Character.MIN_VALUE, Character.MAX_VALUE))
                .ofSizeBetween(0, 300).map(HostileInputPropertiesTest::join);
        Gen<String> crlfBom = Generate.booleans().map(bom -> (bom ? "\uFEFF" : "") + valid.replace("\n", "\r\n"));
        Gen<String> typeSwap = integers().between(0, 30).zip(
                Generate.pick(List.of("\"x\"", "[1,2]", "{\"a\":1}", "null", "false")),
                (which, value) -> replaceNthValue(valid, which, value));
        return Generate.frequency(List.of(
                        Pair.of(4, numbers), Pair.of(2, truncated), Pair.of(3, spliced), Pair.of(2, deleted),
                        Pair.of(1, garbage), Pair.of(1, crlfBom), Pair.of(3, typeSwap)))
                .describedAs(HostileInputPropertiesTest::javaLiteral);
    }

    /** Up to 12 characters that break JSON and logs: structure, digits, Chinese, CR/LF, BOM, NUL, quotes. */
    private static Gen<String> junk() {
        List<Character> chars = "{}[]\":,0123456789-.eE\u4e2d\u6587\r\n\uFEFF\\\u0000'`".chars()
                .mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(chars)).ofSizeBetween(0, 12).map(HostileInputPropertiesTest::join);
    }

    private static String join(List<Character> chars) {
        return chars.stream().map(String::valueOf).collect(Collectors.joining());
    }

    /** The input as a Java string literal, so a failing one can be pasted into a test as it is. */
    private static String javaLiteral(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String replaceNthNumber(String text, int n, String replacement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(text);
        int i = 0;
        while (m.find()) {
            if (i++ == n) {
                return text.substring(0, m.start()) + replacement + text.substring(m.end());
            }
        }
        return text + replacement;
    }

    private static String replaceNthValue(String text, int n, String replacement) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":\\s*(\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false|null)").matcher(text);
        int i = 0;
        while (m.find()) {
            if (i++ == n) {
                return text.substring(0, m.start(1)) + replacement + text.substring(m.end(1));
            }
        }
        return text;
    }

    // ------------------------------------------------------------------ helpers

    private static void estimate(ModelDescription d) {
        Quantization scheme = d.quantization().orElse(Quantization.require("q4f16_1"));
        try {
            Estimator.estimate(new dev.kvlens.model.engine.Scenario(d.library(scheme), new Device("d", Backend.CUDA, 24L << 30),
                    EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025));
        } catch (IllegalArgumentException e) {
            // the estimator refusing a consistent-looking but unusable model is a typed, explained outcome too
            throw new InputException("model", "", ReportedProblems.of(e));
        }
    }

    private static void typedOrValid(Runnable read) {
        try {
            read.run();
        } catch (InputException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("an input error without a message", expected);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = HostileInputPropertiesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String scenarioText() {
        ModelDescription llama = TestScenarios.preset("llama-3-8b");
        ScenarioSpec spec = new ScenarioSpec(llama, Quantization.require("q4f16_1"), Optional.empty(), Optional.empty(),
                new Device("d", Backend.CUDA, TestScenarios.RTX4090_BYTES), EngineSettings.defaults(EngineMode.LOCAL),
                RuleSet.D2025);
        try {
            return Json.mapper().writeValueAsString(ScenarioFiles.toTree(new ScenarioDocument(spec, llama.compile(),
                    Optional.empty()), "test"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
