package dev.kvlens;

import dev.kvlens.app.CliTestAccess;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.kvlens.HostileReprosTest.assertNotesThenCleanLine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated hostile inputs of {@link HostileApplyPropertiesTest} (same mutations, same seed) through the CLI, a
 * sample per option: exit 0, 2 or 3 only, one clean line after the notes on failure, never a negative total. Only
 * {@code estimate} runs (no PNG export, so no toolkit): the shared test JVM.
 */
class HostileCliPropertiesTest {

    private static final int CLI_TRIES = Integer.getInteger("kvlens.hostile.cliTries", 200);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--chat-config", "--hf-config", "--library-metadata", "--compile-log", "--runtime-log"})
    void theCliAnswersEveryInputWithExitZeroTwoOrThree(String option, @TempDir Path dir) throws IOException {
        String valid = HostileApplyPropertiesTest.base(switch (option) {
            case "--chat-config" -> "chat";
            case "--hf-config" -> "hf";
            case "--library-metadata" -> "metadata";
            default -> "log";
        });
        SplittableRandom random = new SplittableRandom(HostileApplyPropertiesTest.SEED + option.hashCode());
        Path file = dir.resolve("input.json");
        boolean preset = option.equals("--library-metadata") || option.endsWith("-log");
        for (int i = 0; i < CLI_TRIES; i++) {
            String text = HostileApplyPropertiesTest.mutate(valid, random);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("estimate", option, file.toString(), "--format", i % 2 == 0 ? "json" : "log"));
            if (preset) {
                args.addAll(List.of("--preset", "llama-3-8b", "--quantization", "q4f16_1"));
            }
            if (!option.equals("--runtime-log")) {
                args.addAll(List.of("--gpu", "rtx-4090"));
            }
            String[] run = CliTestAccess.run(args.toArray(String[]::new));
            int code = Integer.parseInt(run[0]);
            String out = run[1];
            String err = run[2];
            try {
                assertThat(code).isIn(0, 2, 3);
                if (code == 2) {
                    assertNotesThenCleanLine(err);
                }
                assertThat(out).doesNotContain("Exception").doesNotContainPattern("\"total\" : -");
            } catch (AssertionError e) {
                throw new AssertionError("seed " + HostileApplyPropertiesTest.SEED + ", " + option + " try " + i + ", exit " + code + ", err " + err
                        + ", input: " + text.substring(0, Math.min(text.length(), 3000)), e);
            }
        }
    }
}
