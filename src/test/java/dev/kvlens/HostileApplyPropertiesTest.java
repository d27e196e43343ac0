package dev.kvlens;

import dev.kvlens.app.ViewModels;
import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.InputException;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.io.UserState;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.ui.scenario.EstimatorViewModel;
import dev.kvlens.ui.imports.ImportViewModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kvlens.HostileReprosTest.assertCleanLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile inputs through the window's own read-and-apply path and the CLI (issue 15): 10,000 mutated
 * inputs per reader (seeded loop; the seed and the input are printed on failure). Each one is either refused in
 * one clean line — and then the scenario is exactly as before — or applied, and then the session it leaves is
 * saved, restored by a fresh start without a problem, and estimates without a negative figure. The view models need
 * no toolkit, so this runs in the shared test JVM; {@link HostileCliPropertiesTest} sends a sample through the CLI.
 */
class HostileApplyPropertiesTest {

    private static final int TRIES = Integer.getInteger("kvlens.hostile.tries", 10_000);
    static final long SEED = Long.getLong("kvlens.seed", 15L);
    private static final List<String> NASTY = List.of("1e30", "-1", "0", "NaN", "\"NaN\"", "9999999999999999999999",
            "-0.5", "null", "true", "[]", "{}", "\"中文\"", "\"\"", "3.5", "1e-400", "\"\\u0000\"", "-2147483649",
            "2147483647", "4294967296", "1048576", "8388608", "\"\\u001b]0;x\\u0007\"", "\"a\\nkvlens: ok\"", "\"lots\"");
    /** What {@link #numbers} finds, as a regular expression (a test compares the two). */
    static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chat", "hf", "metadata", "scenario", "log"})
    void everyInputIsRefusedCleanlyOrAppliedAndRestored(String reader, @TempDir Path dir) throws IOException {
        String valid = base(reader);
        SplittableRandom random = new SplittableRandom(SEED + reader.hashCode());
        EstimatorViewModel vm = ViewModels.fromCatalog(PresetCatalog.load());
        ImportViewModel imports = new ImportViewModel(vm);
        int applied = 0;
        int refused = 0;
        for (int i = 0; i < TRIES; i++) {
            String text = mutate(valid, random);
            try {
                Artifact artifact;
                try {
                    artifact = ArtifactReader.parse(reader + ".json", text, imports.symbols(), Optional.of("/m/model"));
                } catch (InputException e) {
                    assertCleanLine(e.getMessage());
                    refused++;
                    continue;
                }
                ScenarioDocument before = document(vm);
                List<ModelDescription> modelsBefore = List.copyOf(vm.models());
                try {
                    imports.importArtifact(artifact);
                } catch (IllegalArgumentException e) {
                    assertCleanLine(e.getMessage());
                    assertThat(document(vm)).as("scenario unchanged after a failed apply").isEqualTo(before);
                    assertThat(vm.models()).isEqualTo(modelsBefore);
                    refused++;
                    continue;
                }
                applied++;
                vm.result().error().ifPresent(HostileReprosTest::assertCleanLine);
                vm.result().estimate().ifPresent(e -> e.modes().forEach(HostileApplyPropertiesTest::sane));
                restart(vm, dir);
                if (vm.models().size() > 64) { // keep the model list (and each try) small
                    vm = ViewModels.fromCatalog(PresetCatalog.load());
                    imports = new ImportViewModel(vm);
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + SEED + ", " + reader + " try " + i + ", input: "
                        + text.substring(0, Math.min(text.length(), 3000)), e);
            }
        }
        assertThat(applied + refused).isEqualTo(TRIES);
        assertThat(applied).as("some inputs are applied").isPositive();
    }

    /** The hand-written number scanner finds what the regular expression finds, on the mutated inputs themselves. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chat", "hf", "metadata", "scenario", "log"})
    void theNumberScannerFindsWhatTheRegularExpressionFinds(String reader) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED + 1 + reader.hashCode());
        String text = base(reader);
        for (int i = 0; i < 300; i++) {
            List<int[]> expected = new ArrayList<>();
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                expected.add(new int[] {m.start(), m.end()});
            }
            assertThat(numbers(text)).as("try " + i).usingElementComparator(java.util.Arrays::compare)
                    .containsExactlyElementsOf(expected);
            text = i % 20 == 19 ? base(reader) : mutate(text, random);
        }
    }

    private static ScenarioDocument document(EstimatorViewModel vm) {
        try {
            return vm.document();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Saves the session as the app does at exit and starts again from it: no problem, the same scenario. */
    private static void restart(EstimatorViewModel vm, Path dir) throws IOException {
        ScenarioDocument document = document(vm);
        if (document == null) {
            return;
        }
        new UserState(dir).saveLastScenario(document, "test");
        UserState next = new UserState(dir);
        ScenarioDocument restored = next.lastScenario().orElse(null);
        assertThat(next.problems()).as("problems at the next start").isEmpty();
        EstimatorViewModel fresh = ViewModels.fromCatalog(PresetCatalog.load());
        fresh.apply(restored);
        assertThat(fresh.document()).isEqualTo(document);
    }

    private static void sane(ModeEstimate m) {
        assertThat(m.maxTotalSequenceLength()).isNotNegative();
        assertThat(m.paramsBytes()).isNotNegative();
        assertThat(m.tempBufferBytes()).isNotNegative();
        assertThat(m.totalBytes()).isFinite().isNotNegative();
        assertThat(m.kvCacheBytes()).isFinite().isNotNegative();
        assertThat(m.temporaryBytes()).isFinite().isNotNegative();
    }

    /** One of: a number replaced by a nasty value, truncation, a splice, a control character, a duplicate. */
    static String mutate(String valid, SplittableRandom r) {
        String s = valid;
        int steps = 1 + r.nextInt(3);
        for (int n = 0; n < steps; n++) {
            switch (r.nextInt(6)) {
                case 0, 1 -> {
                    List<int[]> spans = numbers(s);
                    if (!spans.isEmpty()) {
                        int[] span = spans.get(r.nextInt(spans.size()));
                        s = s.substring(0, span[0]) + NASTY.get(r.nextInt(NASTY.size())) + s.substring(span[1]);
                    }
                }
                case 2 -> s = s.substring(0, r.nextInt(s.length() + 1));
                case 3 -> {
                    int a = r.nextInt(s.length() + 1);
                    int b = r.nextInt(s.length() + 1);
                    s = s.substring(0, Math.min(a, b)) + s.substring(Math.max(a, b)) + s.substring(Math.min(a, b), Math.max(a, b));
                }
                case 4 -> {
                    int at = r.nextInt(s.length() + 1);
                    String specials = "\u0000\u001b\n\r\t\u2028\u202e\u0007\"\\{}[],:";
                    char c = specials.charAt(r.nextInt(specials.length()));
                    s = s.substring(0, at) + c + s.substring(at);
                }
                default -> {
                    int at = r.nextInt(s.length() + 1);
                    s = s.substring(0, at) + s.substring(0, Math.min(s.length(), r.nextInt(200))) + s.substring(at);
                }
            }
        }
        return s;
    }

    /**
     * The spans {@link #NUMBER} finds, by hand: the regular expression (its look-behind at every character) was a
     * third of this test's time on the 20 KB log input.
     */
    static List<int[]> numbers(String s) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            boolean sign = c == '-' && i + 1 < n && digit(s.charAt(i + 1));
            if ((sign || digit(c)) && (i == 0 || !word(s.charAt(i - 1)))) {
                int end = digits(s, sign ? i + 1 : i);
                if (end + 1 < n && s.charAt(end) == '.' && digit(s.charAt(end + 1))) {
                    end = digits(s, end + 1);
                }
                if (end < n && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
                    int at = end + 1 < n && (s.charAt(end + 1) == '-' || s.charAt(end + 1) == '+') ? end + 2 : end + 1;
                    if (at < n && digit(s.charAt(at))) {
                        end = digits(s, at);
                    }
                }
                spans.add(new int[] {i, end});
                i = end;
            } else {
                i++;
            }
        }
        return spans;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && digit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean word(char c) {
        return digit(c) || c == '_' || c == '.' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static String base(String reader) throws IOException {
        return switch (reader) {
            case "chat" -> resource("/configs/llama-3-8b-mlc-chat-config.json");
            case "hf" -> resource(new SplittableRandom(SEED).nextBoolean() ? "/configs/qwen2.5-7b-config.json"
                    : "/configs/phi-3.5-vision-config.json");
            case "metadata" -> """
                    {"context_window_size": 8192, "prefill_chunk_size": 2048, "max_batch_size": 80, "model_type": "llama",
                     "kv_cache": {"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128},
                     "memory_usage": {"batch_prefill": 327155712, "decode": 1048576},
                     "params": [{"name": "w", "shape": ["vocab_size", 512], "dtype": "uint32"},
                                {"name": "n", "shape": [4096], "dtype": "float16"}]}""";
            case "scenario" -> resource("/hostile/R00-previous-scenario.kvlens.json");
            default -> String.join("\n", TestScenarios.publishedText("mlc-2406-tinymistral-compile"),
                    TestScenarios.publishedText("mlc-3221-sample"), TestScenarios.publishedText("bench-3090-llama3-8b-c2024-server"),
                    TestScenarios.publishedText("mlc-1556-phi2"));
        };
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileApplyPropertiesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
