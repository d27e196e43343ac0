package dev.kvlens.io;

import dev.kvlens.TestScenarios;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.EngineSettings;
import dev.kvlens.model.Estimator;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.ScenarioDocument;
import dev.kvlens.model.ScenarioSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files come from anywhere: 10,000 generated malformed or mutated inputs per reader (truncated JSON, wrong types,
 * huge, negative and NaN numbers, binary garbage, mixed log eras, CRLF, BOM, Chinese text). Every one must give a
 * typed {@link InputException} or a valid result — never another exception.
 */
class HostileInputPropertiesTest {

    private static final int TRIES = 10_000;

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

    @Property(tries = TRIES)
    void chatConfigReader(@ForAll("mutatedChat") String text) {
        typedOrValid(() -> {
            ModelDescription d = ChatConfigReader.parse("mlc-chat-config.json", Json.parse("mlc-chat-config.json", text));
            estimate(d);
        });
    }

    @Property(tries = TRIES)
    void huggingFaceConfigReader(@ForAll("mutatedHf") String text) {
        typedOrValid(() -> estimate(HfConfigReader.parse("config.json", "m", Json.parse("config.json", text))));
    }

    @Property(tries = TRIES)
    void libraryMetadataReader(@ForAll("mutatedMetadata") String text) {
        typedOrValid(() -> LibraryMetadataReader.parse("meta.json", Json.parse("meta.json", text), Map.of("vocab_size", 128256L)));
    }

    @Property(tries = TRIES)
    void scenarioFileReader(@ForAll("mutatedScenario") String text) {
        typedOrValid(() -> Estimator.estimate(ScenarioFiles.parse("s.json", Json.parse("s.json", text)).spec().toScenario()));
    }

    @Property(tries = TRIES)
    void logParserAndSniffer(@ForAll("mutatedLogs") String text) {
        typedOrValid(() -> ArtifactReader.parse("log.txt", text, Map.of("vocab_size", 32000L), Optional.empty()));
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> mutatedChat() {
        return mutated(CHAT);
    }

    @Provide
    Arbitrary<String> mutatedHf() {
        return mutated(HF);
    }

    @Provide
    Arbitrary<String> mutatedMetadata() {
        return mutated(METADATA);
    }

    @Provide
    Arbitrary<String> mutatedScenario() {
        return mutated(SCENARIO);
    }

    @Provide
    Arbitrary<String> mutatedLogs() {
        return mutated(LOGS);
    }

    private static Arbitrary<String> mutated(String valid) {
        Arbitrary<String> numbers = Combinators.combine(Arbitraries.of(NASTY), Arbitraries.integers().between(0, 40))
                .as((nasty, which) -> replaceNthNumber(valid, which, nasty));
        Arbitrary<String> truncated = Arbitraries.integers().between(0, valid.length()).map(n -> valid.substring(0, n));
        Arbitrary<String> spliced = Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.strings().ofMaxLength(12).withChars("{}[]\":,0123456789-.eE\u4e2d\u6587\r\n\uFEFF\\\u0000'`"))
                .as((at, junk) -> valid.substring(0, at) + junk + valid.substring(at));
        Arbitrary<String> deleted = Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.integers().between(1, 30))
                .as((at, n) -> valid.substring(0, at) + valid.substring(Math.min(valid.length(), at + n)));
        Arbitrary<String> garbage = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> crlfBom = Arbitraries.of(true, false).map(bom ->
                (bom ? "\uFEFF" : "") + valid.replace("\n", "\r\n"));
        Arbitrary<String> typeSwap = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.of("\"x\"", "[1,2]", "{\"a\":1}", "null", "false"))
                .as((which, value) -> replaceNthValue(valid, which, value));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, numbers), net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(3, spliced), net.jqwik.api.Tuple.of(2, deleted),
                net.jqwik.api.Tuple.of(1, garbage), net.jqwik.api.Tuple.of(1, crlfBom),
                net.jqwik.api.Tuple.of(3, typeSwap));
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
            Estimator.estimate(new dev.kvlens.model.Scenario(d.library(scheme), new Device("d", Backend.CUDA, 24L << 30),
                    EngineSettings.defaults(EngineMode.SERVER), RuleSet.D2025));
        } catch (IllegalArgumentException e) {
            // the estimator refusing a consistent-looking but unusable model is a typed, explained outcome too
            throw new InputException("model", "", e.getMessage());
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
