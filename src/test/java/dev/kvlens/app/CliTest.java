package dev.kvlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.app.cli.KvLensCommand;
import dev.kvlens.io.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI contract: flag names, output formats, exit codes and one-line errors. */
@Tag("fx") // export-png starts the JavaFX toolkit on Monocle (HeadlessFx): its own JVM, see the pom
class CliTest {

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    static Run run(String... args) {
        Run raw = runRaw(args);
        return new Run(raw.code(), raw.out().replace("\r\n", "\n"), raw.err());
    }

    /**
     * The CLI's output as written (CSV keeps CRLF). Tests of commands that never export a PNG run the CLI through
     * here and need no toolkit JVM of their own (export-png is the one command that starts the toolkit).
     */
    static Run runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KvLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A run of one subcommand builds only that one: the others must still be listed and reachable. */
    @Test
    void helpListsEverySubcommandAndEachRunsOnItsOwn() {
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("estimate", "solve", "compile-report", "export-png", "devices", "presets", "models");
        Run presets = run("presets");
        assertThat(presets.code()).isZero();
        assertThat(presets.out()).contains("rtx-4090");
        Run typo = run("estimat");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("estimat");
    }

    @Test
    void estimatePrintsTheFiveLinesOfTheWorkedExample() {
        Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib", "81089",
                "--mode", "local");
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).containsExactly(
                "Under mode \"local\", max batch size will be set to 4, max KV cache token capacity will be set to 8192, prefill chunk size will be set to 8192. ",
                "Under mode \"interactive\", max batch size will be set to 1, max KV cache token capacity will be set to 8192, prefill chunk size will be set to 8192. ",
                "Under mode \"server\", max batch size will be set to 128, max KV cache token capacity will be set to 492234, prefill chunk size will be set to 8192. ",
                "The actual engine mode is \"local\". So max batch size is 4, max KV cache token capacity is 8192, prefill chunk size is 8192.",
                "Estimated total single GPU memory usage: 8174.157 MB (Parameters: 4308.133 MB. KVCache: 1234.073 MB. Temporary buffer: 2631.952 MB). The actual usage might be slightly larger than the estimated number.",
                // issue 12: KV Lens's verdict follows MLC's five lines (deliberately added; MLC's lines stay a
                // byte-identical prefix). Physical (rules §7 check): 513 pages = 1026.0 MiB, 6596/30,766 pages, and
                // FlashInfer's 792 MiB instead of 48 MiB; left = 85,027,979,264 B − physical
                "verdict local (selected): fits — 70.48 GiB left on the 79.19 GiB GPU; KV cache 8,192 tokens, limited by the context length (max_single_sequence_length); MLC estimates 7.98 GiB, the GPU will hold about 8.71 GiB (KV pages, attention workspace and state MLC does not count)",
                "verdict interactive: fits — 70.48 GiB left on the 79.19 GiB GPU; KV cache 8,192 tokens, limited by the context length (max_single_sequence_length); MLC estimates 7.98 GiB, the GPU will hold about 8.71 GiB (KV pages, attention workspace and state MLC does not count)",
                "verdict server: fits — 11.15 GiB left on the 79.19 GiB GPU; KV cache 492,234 tokens, limited by the memory budget; MLC estimates 67.31 GiB, the GPU will hold about 68.04 GiB (KV pages, attention workspace and state MLC does not count)");
        assertThat(r.err()).contains("approximate");
    }

    @Test
    void jsonCarriesEveryModeAndSegmentInBytes() {
        Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090",
                "--mode", "server", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode json = Json.parse("stdout", r.out());
        assertThat(json.path("rules").asText()).isEqualTo("d2025");
        assertThat(json.path("selectedMode").asText()).isEqualTo("server");
        assertThat(json.path("device").path("bytes").asLong()).isEqualTo(25_393_692_672L); // rules §3.2
        JsonNode server = json.path("modes").path("server");
        assertThat(server.path("maxNumSequence").asLong()).isEqualTo(128);
        assertThat(server.path("maxTotalSequenceLength").asLong()).isEqualTo(105511); // rules §7, 4090 server
        assertThat(server.path("prefillChunkSize").asLong()).isEqualTo(8192);
        assertThat(server.path("fits").asBoolean()).isTrue();
        JsonNode bytes = server.path("bytes");
        assertThat(bytes.path("parameters").asLong()).isEqualTo(4_517_404_672L);
        assertThat(bytes.path("tempBuffer").asLong()).isEqualTo(2_617_245_696L);
        assertThat(bytes.path("kvAux").decimalValue()).isEqualByComparingTo("220277848");
        assertThat(bytes.path("modelWorkspace").decimalValue()).isEqualByComparingTo("135299584");
        assertThat(bytes.path("logitWorkspace").decimalValue()).isEqualByComparingTo("264722944");
        // KV pages = 105511 × 131,073.25 (exact, a multiple of 1/4)
        assertThat(bytes.path("kvPages").decimalValue())
                .isEqualByComparingTo(new BigDecimal("131073.25").multiply(BigDecimal.valueOf(105511)));
        BigDecimal sum = bytes.path("parameters").decimalValue().add(bytes.path("tempBuffer").decimalValue())
                .add(bytes.path("kvAux").decimalValue()).add(bytes.path("modelWorkspace").decimalValue())
                .add(bytes.path("logitWorkspace").decimalValue()).add(bytes.path("kvPages").decimalValue());
        assertThat(bytes.path("total").decimalValue()).isEqualByComparingTo(sum);
        assertThat(json.path("modes").path("local").path("maxTotalSequenceLength").asLong()).isEqualTo(8192);
        assertThat(json.path("modes").path("interactive").path("maxNumSequence").asLong()).isEqualTo(1);
        // issue 12: the verdict next to MLC's estimate; 4090 server T = Tmax = 105,511 (§7): 6596 pages of 32 × 65,536 B
        // plus FlashInfer's 744 MiB beyond the estimate's 48 MiB
        JsonNode verdict = server.path("verdict");
        assertThat(verdict.path("status").asText()).isEqualTo("fits");
        assertThat(verdict.path("limitedBy").asText()).isEqualTo("budget");
        assertThat(verdict.path("estimatedBytes").decimalValue()).isEqualByComparingTo(bytes.path("total").decimalValue());
        assertThat(verdict.path("physicalBytes").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(
                7_754_950_744L + 6596L * 32 * 65_536 + 744L * 1024 * 1024));
        assertThat(verdict.path("leftBytes").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(
                25_393_692_672L - (7_754_950_744L + 6596L * 32 * 65_536 + 744L * 1024 * 1024)));
        assertThat(verdict.path("text").asText()).startsWith("server (selected): fits — 2.82 GiB left on the 23.65 GiB GPU");
    }

    @Test
    void theWindowsDefaultScenarioPrintsTheSameJsonAsTheCli() {
        dev.kvlens.ui.scenario.EstimatorViewModel vm = ViewModels.fromCatalog(dev.kvlens.io.PresetCatalog.load());
        String gui = dev.kvlens.io.EstimateJson.write(vm.result().estimate().orElseThrow());
        Run cli = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090",
                "--format", "json");
        assertThat(cli.out().strip()).isEqualTo(gui.strip().replace("\r\n", "\n"));
    }

    @Test
    void insufficientMemoryPrintsMlcsErrorAndExitsWith3() {
        Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib", "4096");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Insufficient GPU memory error: The available single GPU memory is 3481.600 MB");
    }

    @Test
    void badInputIsOneLineOnStderrWithExit2() {
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--gpu", "rtx-4090", "--bogus"), "--bogus");
        assertOneLineError(run("estimate", "--preset", "nope", "--quantization", "q4f16_1", "--gpu", "rtx-4090"), "unknown preset 'nope'");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--gpu", "rtx-4090"), "--quantization is required");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q9f99", "--gpu", "rtx-4090"), "unknown quantization 'q9f99'");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib", "-5"), "--gpu-memory-mib must be positive");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib", "1e30"), "more than 1 PiB");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090", "--gpu-memory-utilization", "0"), "gpu_memory_utilization");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090", "--max-num-sequence", "0"), "max_num_sequence must be between 1");
        assertOneLineError(run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090", "--mode", "turbo"), "unknown engine mode 'turbo'");
        assertOneLineError(run("estimate", "--chat-config", "/does/not/exist.json", "--gpu", "rtx-4090"), "does not exist");
    }

    @Test
    void malformedChatConfigNamesTheFileAndWhere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mlc-chat-config.json");
        Files.writeString(file, "{\"model_type\": \"llama\", \"model_config\": {\"num_hidden_layers\": ");
        assertOneLineError(run("estimate", "--chat-config", file.toString(), "--gpu", "rtx-4090"),
                "mlc-chat-config.json: is not valid JSON at line 1");
        Files.writeString(file, "{\"model_type\": \"llama\", \"prefill_chunk_size\": 2048, \"model_config\": {\"num_hidden_layers\": -3}}");
        assertOneLineError(run("estimate", "--chat-config", file.toString(), "--gpu", "rtx-4090"),
                "mlc-chat-config.json: field 'model_config.num_hidden_layers' must be between 1");
    }

    @Test
    void compileReportPrintsEachEra() {
        Run r = run("compile-report", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--temp-mib", "1248");
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).hasSize(4).first()
                .isEqualTo("Total memory usage without KV cache: 5556.13 MB (Parameters: 4308.13 MB. Temporary buffer: 1248.00 MB)");
        assertThat(r.err()).isEmpty();
        Run old = run("compile-report", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--temp-mib", "1248",
                "--era", "2024-03");
        assertThat(old.outLines().get(0)).isEqualTo(
                "Total memory usage: 5556.13 MB (Parameters: 4308.13 MB. KVCache: 0.00 MB. Temporary buffer: 1248.00 MB)");
        Run doubled = run("compile-report", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--temp-mib", "1248",
                "--era", "2024-05");
        assertThat(doubled.outLines().get(0)).startsWith("Total memory usage without KV cache:: 5556.13 MB");
    }

    @Test
    void exportPngRendersTheChartWithoutADisplay(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("chart.png");
        Run r = run("export-png", "--out", out.toString(), "--scale", "1", "--width", "800", "--height", "500",
                "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "h100-80gb", "--mode", "server");
        assertThat(r.code()).as(r.err()).isZero();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(out.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        assertOneLineError(run("export-png", "--out", out.toString(), "--scale", "3", "--preset", "llama-3-8b",
                "--quantization", "q4f16_1", "--gpu", "h100-80gb"), "--scale must be 1 or 2");
        assertOneLineError(run("export-png", "--out", dir.resolve("no/such/dir/x.png").toString(), "--preset",
                "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "h100-80gb"), "cannot write");
    }

    @Test
    void aRuntimeLogIsComparedLineByLineAndTheDeviceSolvedFromIt(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("serve.log");
        Files.writeString(log, dev.kvlens.TestScenarios.publishedText("bentomlc-llama3-8b-local"));
        Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--compile-prefill-chunk-size",
                "1024", "--max-batch-size", "80", "--runtime-log", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.outLines()).last().isEqualTo("all 14 quantities match");
        assertThat(r.err()).contains("device memory consistent with the log's server capacity 125706");
        Run json = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--compile-prefill-chunk-size",
                "2048", "--max-batch-size", "80", "--gpu", "rtx-4090", "--runtime-log", log.toString(), "--format", "json");
        JsonNode comparison = Json.parse("stdout", json.out()).path("comparison");
        assertThat(comparison.size()).isEqualTo(14);
        assertThat(comparison.get(2).path("matches").asBoolean()).isFalse(); // local prefill 2048 vs the log's 1024
    }

    @Test
    void aCompileLogMakesTheTemporaryBufferExact(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("compile.log");
        Files.writeString(log, "[2024-06-06 11:51:58] INFO model_metadata.py:95: Total memory usage without KV cache:: "
                + "15628.51 MB (Parameters: 15316.51 MB. Temporary buffer: 312.00 MB)\n");
        Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q0f16", "--compile-log", log.toString(),
                "--gpu", "h100-80gb", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("approximate");
        JsonNode temp = Json.parse("stdout", r.out()).path("model").path("tempFunction");
        assertThat(temp.path("bytes").asLong()).isEqualTo(312L * 1024 * 1024);
        assertThat(temp.path("exact").asBoolean()).isTrue();
    }

    @Test
    void csvAndTheMlcCommand() {
        Run csv = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090", "--format", "csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.outLines()).hasSize(1 + 27).first().asString().startsWith("rules,mode,selected");
        Run cmd = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090",
                "--mode", "server", "--max-num-sequence", "64", "--gpu-memory-utilization", "0.9", "--emit-command");
        assertThat(cmd.outLines()).containsExactly(
                "mlc_llm serve ./dist/llama-3-8b-q4f16_1-MLC --mode server --overrides \"max_num_sequence=64;gpu_memory_utilization=0.9\"");
    }

    @Test
    void versionNamesTheRulesAndTheMlcCommit() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("KV Lens").contains("d2025").contains("79d603f085f50500e9509fa01785ffa7ecfaaa93");
    }

    private static void assertOneLineError(Run r, String fragment) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
