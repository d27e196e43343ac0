package dev.kvlens.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --built-on} (compile-report, estimate; export-png shares the option): the layout era of rules §1.3 (llama's separate lm_head until 2024-07-16), and the rules a runtime log picks. */
class BuiltOnOptionTest {

    private static final Pattern PARAMS = Pattern.compile("Parameters: ([0-9.]+) MB");
    private static final Pattern JSON_PARAMS = Pattern.compile("\"parameters\"\\s*:\\s*\\{\\s*\"bytes\"\\s*:\\s*(\\d+)");

    private static double params(String out) {
        return Double.parseDouble(group(PARAMS, out));
    }

    private static String group(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    /** The Llama test config with tied embeddings (the llama file ignored the tie before 2024-07-16). */
    private static Path tiedLlama(Path dir) throws Exception {
        String text = Files.readString(Path.of(BuiltOnOptionTest.class.getResource("/hf-configs/llama.json").toURI()))
                .replace("\"tie_word_embeddings\": false", "\"tie_word_embeddings\": true");
        assertThat(text).contains("\"tie_word_embeddings\": true");
        return Files.writeString(dir.resolve("config.json"), text);
    }

    @Test
    void llamaWithTiedEmbeddingsGetsItsSeparateHeadBeforeJuly2024(@TempDir Path dir) throws Exception {
        Path config = tiedLlama(dir);

        String[] before = CliTestAccess.run("compile-report", "--hf-config", config.toString(), "--quantization",
                "q4f16_1", "--era", "2024-05", "--built-on", "2024-07-15");
        String[] after = CliTestAccess.run("compile-report", "--hf-config", config.toString(), "--quantization",
                "q4f16_1", "--era", "2024-05", "--built-on", "2024-07-16");
        String[] bad = CliTestAccess.run("compile-report", "--hf-config", config.toString(), "--quantization",
                "q4f16_1", "--built-on", "July");

        // Separate q4f16_1 lm_head of vocab 128256 × hidden 4096: 128256 × 4096 / 2 B of packed weights
        // + 128256 × (4096 / 32) × 2 B of f16 scales = 295,501,824 B = 281.8125 MiB (rules §5).
        assertThat(before[0]).isEqualTo("0");
        assertThat(after[0]).isEqualTo("0");
        assertThat(params(before[1]) - params(after[1])).isCloseTo(281.8125, within(0.011));
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("--built-on: 'July' is not a date (expected YYYY-MM-DD)");
    }

    private static long jsonParams(String out) {
        return Long.parseLong(group(JSON_PARAMS, out));
    }

    /** The computed parameter bytes of {@code estimate --format json} on the config with {@code more} options. */
    private static long estimatedParams(Path config, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("estimate", "--hf-config",
                config.toString(), "--quantization", "q4f16_1", "--gpu-memory-mib", "81920", "--format", "json"));
        args.addAll(java.util.List.of(more));
        String[] run = CliTestAccess.run(args.toArray(String[]::new));
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        return jsonParams(run[1]);
    }

    @Test
    void estimateTakesTheBuildDateToo(@TempDir Path dir) throws Exception {
        Path config = tiedLlama(dir);

        // the separate q4f16_1 lm_head of the test above: 295,501,824 B
        assertThat(estimatedParams(config, "--built-on", "2024-07-15") - estimatedParams(config, "--built-on", "2024-07-16"))
                .isEqualTo(295_501_824L);
    }

    @Test
    void anOlderRuleSetBuildsItsErasLayoutAsTheWindowDoes(@TempDir Path dir) throws Exception {
        Path config = tiedLlama(dir);

        // April 2024's llama file built the separate lm_head (until 2024-07-16): 295,501,824 B more, as above
        assertThat(estimatedParams(config, "--rules", "c2024") - estimatedParams(config)).isEqualTo(295_501_824L);
    }

    @Test
    void aRuntimeLogOfMay2024ChoosesTheMidTwentyFourRules(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("serve.log"),
                dev.kvlens.TestScenarios.publishedText("bentomlc-llama3-8b-local"));

        String[] out = CliTestAccess.run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1",
                "--compile-prefill-chunk-size", "1024", "--max-batch-size", "80", "--runtime-log", log.toString());
        String[] chosen = CliTestAccess.run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1",
                "--compile-prefill-chunk-size", "1024", "--max-batch-size", "80", "--runtime-log", log.toString(),
                "--rules", "d2025");

        assertThat(out[0]).as(out[2]).isEqualTo("0");
        assertThat(out[2]).contains("note: rules d2024mid");
        assertThat(out[1]).contains("all 14 quantities match");
        assertThat(chosen[2]).doesNotContain("note: rules");
    }
}
