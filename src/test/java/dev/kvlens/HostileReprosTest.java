package dev.kvlens;

import dev.kvlens.app.cli.KvLensCommand;
import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.InputException;
import dev.kvlens.io.MlcLogParser;
import dev.kvlens.model.mlc.PrintedLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reproducers of the hostile-input review (issue 15, src/test/resources/hostile/, copied from
 * shared/hostile-repros): each CLI one must end in exit 2 with one clean line naming the file (and the field),
 * no stack trace, no class name, no control character.
 */
@Tag("fx") // starts the JavaFX toolkit: its own JVM, see the pom
public class HostileReprosTest {

    static final String M = "--preset llama-3-8b --quantization q4f16_1";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KvLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    public static Path repro(String name) {
        try {
            return Path.of(HostileReprosTest.class.getResource("/hostile/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line, exit 2, naming the fragment, with nothing a person should not see. */
    public static void assertCleanError(Run r, String... fragments) {
        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(2);
        assertCleanLine(r.err().strip());
        assertThat(r.err()).contains(fragments);
    }

    /** One line without control characters or Java/Jackson names. */
    /**
     * What a refused run prints on stderr: the notes the command printed on the way ("note: …", e.g. which rules an
     * imported log chose), each a clean line, then the one clean line that says why it stopped.
     */
    public static void assertNotesThenCleanLine(String stderr) {
        java.util.List<String> lines = stderr.strip().lines().toList();
        assertThat(lines).as(stderr).isNotEmpty();
        lines.subList(0, lines.size() - 1).forEach(note -> {
            assertThat(note).as(stderr).startsWith("note: ");
            assertCleanLine(note);
        });
        assertCleanLine(lines.get(lines.size() - 1));
    }

    public static void assertCleanLine(String line) {
        assertThat(line.lines().count()).as(line).isEqualTo(1);
        assertThat(line.chars().filter(c -> c < 0x20 || (c >= 0x7f && c < 0xa0)).count()).as(line).isZero();
        assertThat(line).doesNotContain("Exception", "java.", "jackson", "Jackson", "Feature.", "[Source", "\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // file | extra options | fragment of the one line
            "R03-compile-log-temp-wraps-negative.log|--compile-log|'Temporary buffer' is 4768371582031.25 MB, more than 1 PiB",
            "R04-compile-log-temp-overflow-stacktrace.log|--compile-log|'Temporary buffer' is 999999999999999.99 MB",
            "R03c-metadata-params-plus-temp-negative-total.json|--library-metadata|field 'params' is 8000000000000000000 bytes",
            "R04b-metadata-shape-overflow-stacktrace.json|--library-metadata|field 'params' has a shape or size whose bytes do not fit in 64 bits",
            "R08c-runtime-log-terminal-escape.log|--runtime-log|contains no line KV Lens recognizes",
            "R09-runtime-log-int-truncation.log|--runtime-log|the number 99999999999 is larger than 2147483647"})
    void importsWithThePresetEndInOneCleanLine(String file, String option, String fragment) {
        List<String> args = new java.util.ArrayList<>(List.of("estimate", "--preset", "llama-3-8b", "--quantization",
                "q4f16_1", option, repro(file).toString()));
        if (!option.equals("--runtime-log")) {
            args.addAll(List.of("--gpu", "rtx-4090", "--format", "json"));
        }
        assertCleanError(run(args.toArray(String[]::new)), file, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "R03b-chat-config-kv-bytes-wrap.json|field 'num_hidden_layers' is 65536, more than 4096",
            "R05-chat-config-8M-layers-oom.json|field 'num_hidden_layers' is 8388608, more than 4096",
            "R01-chat-config-bricks-next-start.json|field 'num_attention_heads' is 1048576, more than 1024",
            "R08-chat-config-terminal-escape.json|unknown scheme '\\u001b]0;KV-LENS-PWNED\\u0007",
            "R08b-chat-config-spoofed-line.json|'q4f16_1\\u000akvlens: everything is fine\\u000a'",
            "R12-chat-config-utf16-bom.json|is UTF-16 text; save it as UTF-8",
            "R12b-chat-config-truncated.json|is not valid JSON at line 6, column 21"})
    void chatConfigsEndInOneCleanLine(String file, String fragment) {
        assertCleanError(run("estimate", "--chat-config", repro(file).toString(), "--gpu", "rtx-4090",
                "--params-bytes", "1000", "--temp-bytes", "1000"), file, fragment);
    }

    @Test
    @Timeout(60) // a hang guard: such exponents must be refused, never expanded
    void hugeAndTinyMibAnswer() {
        assertCleanError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib",
                "1e-99999999"), "--gpu-memory-mib");
        assertCleanError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib",
                "1e999999999"), "--gpu-memory-mib");
    }

    @Test
    @Timeout(60)
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devicesAndPipesAreRefusedWithoutReading(@TempDir Path dir) throws Exception {
        assertCleanError(run("estimate", "--chat-config", "/dev/zero", "--gpu", "rtx-4090"), "/dev/zero",
                "is not a regular file");
        Path fifo = dir.resolve("pipe.log");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        // reading a FIFO with no writer would block for ever: the @Timeout turns such a hang into a failure
        assertCleanError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090",
                "--compile-log", fifo.toString()), "is not a regular file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "R05-chat-config-8M-layers-oom.json|field 'num_hidden_layers' is 8388608",
            "R03b-chat-config-kv-bytes-wrap.json|field 'num_hidden_layers' is 65536",
            "R03-compile-log-temp-wraps-negative.log|field 'Temporary buffer'",
            "R03c-metadata-params-plus-temp-negative-total.json|field 'params'",
            "R04b-metadata-shape-overflow-stacktrace.json|field 'params'"})
    void theWindowsReaderRefusesTheSameFilesBeforeBuildingAnything(String file, String fragment) {
        // the window imports through ArtifactReader (IoFileService): 8 M layers used to OOM on the FX thread
        assertThatThrownBy(() -> ArtifactReader.read(repro(file), Map.of("vocab_size", 128256L)))
                .isInstanceOf(InputException.class).hasMessageStartingWith(file + ": ").hasMessageContaining(fragment);
    }

    @Test
    void aFolderIsRefusedAsAFile(@TempDir Path dir) {
        assertThatThrownBy(() -> ArtifactReader.read(dir, Map.of())).isInstanceOf(InputException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void runtimeLogNumbersBeyondIntAreNotTruncated() {
        // R09: batch 99,999,999,999 used to become 1,215,752,191 (its low 32 bits), prefill 2^31 became -2^31.
        assertThatThrownBy(() -> ArtifactReader.read(repro("R09-runtime-log-int-truncation.log"), Map.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("larger than 2147483647");
    }

    /** Took 12 s before the fix; the time is the benchmark line log-parse-16mib-blank (LogParseBenchmark). */
    @Test
    @Timeout(60) // a hang guard, not a performance target
    void sixteenMibOfBlankLinesParse() {
        String blank = "\n".repeat(16 * 1024 * 1024 - 200) + "INFO Under mode \"local\", max batch size will be set "
                + "to 4, max KV cache token capacity will be set to 8192, prefill chunk size will be set to 8192.\n";
        PrintedLog log = MlcLogParser.parse(blank);
        assertThat(log.runtime()).isPresent();
    }

    @Test
    void anOscTitleSequenceNeverReachesAWarning() {
        // R08c: the OSC title sequence ESC ] 0 ; … BEL passed the old ANSI filter into the warning text.
        PrintedLog log = MlcLogParser.parse("Under mode \"local\", \u001b]0;KV-LENS-PWNED\u0007FAKE: all checks passed");
        assertThat(log.warnings()).singleElement().extracting(w -> dev.kvlens.text.Phrases.format(java.util.Locale.ENGLISH, w)).asString().doesNotContain("\u001b", "\u0007", "PWNED");
    }

    @Test
    void aWordWhereANumberBelongsIsNamedWithoutJavaTypes() {
        // D12: "cannot convert 'lots' to BigDecimal (java.lang.NumberFormatException…)"
        Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090",
                "--params-mib", "lots");
        assertCleanError(r, "--params-mib", "'lots' is not a decimal number");
        assertThat(r.err()).doesNotContain("BigDecimal");
    }
}
