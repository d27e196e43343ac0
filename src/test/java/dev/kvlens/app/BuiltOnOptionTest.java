package dev.kvlens.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code compile-report --built-on}: the layout era of rules §1.3 (llama's separate lm_head until 2024-07-16). */
class BuiltOnOptionTest {

    private static final Pattern PARAMS = Pattern.compile("Parameters: ([0-9.]+) MB");

    private static double params(String out) {
        Matcher m = PARAMS.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void llamaWithTiedEmbeddingsGetsItsSeparateHeadBeforeJuly2024(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of(BuiltOnOptionTest.class.getResource("/hf-configs/llama.json").toURI()))
                .replace("\"tie_word_embeddings\": false", "\"tie_word_embeddings\": true");
        assertThat(text).contains("\"tie_word_embeddings\": true");
        Path config = Files.writeString(dir.resolve("config.json"), text);

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
}
