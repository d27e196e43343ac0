package dev.kvlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.app.cli.KvLensCommand;
import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.GpuDetector;
import dev.kvlens.io.Json;
import dev.kvlens.io.PresetCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code kvlens devices}, {@code kvlens presets}, {@code --gpu auto} and utilization above 1, with fake tools on a PATH. */
@Tag("fx") // runs the CLI, whose export-png starts the toolkit: its own JVM, see the pom
class DevicesCliTest {

    @TempDir
    Path bin;

    record Run(int code, String out, String err) {
    }

    private static Run run(Supplier<List<DetectedDevice>> detector, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KvLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), detector, args);
        return new Run(code, out.toString().replace("\r\n", "\n"), err.toString());
    }

    /** A detector whose PATH holds only a fake nvidia-smi printing "NVIDIA GeForce RTX 4090, 24564, 354". */
    private Supplier<List<DetectedDevice>> fakeRtx4090() throws IOException {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().startsWith("windows"), "shell-script fakes");
        Path tool = bin.resolve("nvidia-smi");
        // figures of a public nvidia-smi -q of an RTX 4090 (src/test/resources/gpu/SOURCES.md)
        Files.writeString(tool, "#!/bin/sh\necho 'NVIDIA GeForce RTX 4090, 24564, 354'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        GpuDetector detector = new GpuDetector(Map.of("PATH", bin.toString()), "Linux", Duration.ofSeconds(5));
        return detector::detect;
    }

    private Supplier<List<DetectedDevice>> noTools() {
        GpuDetector detector = new GpuDetector(Map.of("PATH", bin.toString()), "Linux", Duration.ofSeconds(5));
        return detector::detect;
    }

    @Test
    void devicesJsonListsTheDetectedGpuThenEveryPresetWithItsSource() throws IOException {
        Run r = run(fakeRtx4090(), "devices", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.parse("stdout", r.out());
        JsonNode detected = json.path("detected");
        assertThat(detected.size()).isEqualTo(1);
        assertThat(detected.get(0).path("id").asText()).isEqualTo("detected-0");
        assertThat(detected.get(0).path("name").asText()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(detected.get(0).path("backend").asText()).isEqualTo("cuda");
        assertThat(detected.get(0).path("bytes").asLong()).isEqualTo(24210L * 1024 * 1024); // 24564 − 354 MiB
        assertThat(detected.get(0).path("exact").asBoolean()).isFalse();
        assertThat(detected.get(0).path("source").asText()).contains("nvidia-smi");
        JsonNode presets = json.path("presets");
        assertThat(presets.size()).isGreaterThanOrEqualTo(30);
        JsonNode rtx4090 = null;
        for (JsonNode p : presets) {
            assertThat(p.path("source").asText()).isNotBlank();
            assertThat(p.path("bytes").asLong()).isPositive();
            if (p.path("id").asText().equals("rtx-4090")) {
                rtx4090 = p;
            }
        }
        assertThat(rtx4090).isNotNull();
        assertThat(rtx4090.path("bytes").asLong()).isEqualTo(25_393_692_672L); // rules §3.2
        assertThat(rtx4090.path("exact").asBoolean()).isTrue();
        Run text = run(fakeRtx4090(), "devices");
        assertThat(text.out()).contains("detected-0").contains("25,386,024,960 B")
                .contains("approximate: nvidia-smi prints whole MiB");
    }

    @Test
    void devicesTextSaysWhenNothingIsDetected() {
        Run r = run(noTools(), "devices");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Detected on this machine:\n  none");
        // 24,217.3125 MiB rounds half-even to 24217.312
        assertThat(r.out()).contains("rtx-4090").contains("25,393,692,672 B").contains("24217.312 MiB");
        assertThat(r.out()).contains("approximate: nominal");
    }

    @Test
    void gpuAutoUsesTheFirstDetectedGpuAndSaysWhereItsFigureCameFrom() throws IOException {
        Run r = run(fakeRtx4090(), "estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "auto",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode device = Json.parse("stdout", r.out()).path("device");
        assertThat(device.path("bytes").asLong()).isEqualTo(25_386_024_960L); // (24564 − 354) × 1,048,576
        assertThat(r.err()).contains("--gpu auto picked NVIDIA GeForce RTX 4090, 25,386,024,960 B")
                .contains("approximate");
    }

    @Test
    void gpuAutoWithoutADetectedGpuIsAClearExit2Line() {
        Run r = run(noTools(), "estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "auto");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("--gpu auto: no GPU detected").doesNotContain("Exception");
    }

    @Test
    void exportPngTakesGpuAutoToo(@TempDir Path dir) {
        Run r = run(noTools(), "export-png", "--out", dir.resolve("x.png").toString(), "--preset", "llama-3-8b",
                "--quantization", "q4f16_1", "--gpu", "auto");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--gpu auto: no GPU detected");
    }

    @Test
    void presetsJsonListsModelsAndDevicesFromTheCatalog() {
        Run r = run(noTools(), "presets", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.parse("stdout", r.out());
        PresetCatalog catalog = PresetCatalog.load();
        assertThat(json.path("models").size()).isEqualTo(catalog.models().size());
        assertThat(json.path("devices").size()).isEqualTo(catalog.devices().size());
        JsonNode llama = json.path("models").get(0);
        assertThat(llama.path("id").asText()).isEqualTo(catalog.models().get(0).id());
        assertThat(llama.path("source").asText()).isNotBlank();
        assertThat(json.path("defaultDevice").asText()).isEqualTo("rtx-4090");
        Run text = run(noTools(), "presets");
        assertThat(text.out()).contains("Model presets").contains("llama-3-8b").contains("Device presets");
        assertThat(run(noTools(), "presets", "--format", "yaml").err()).contains("expected text or json");
    }

    @Test
    void utilizationAboveOneIsUsedAsMlcDoesWithAWarning() {
        Run r = run(noTools(), "estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090",
                "--gpu-memory-utilization", "1.2", "--mode", "server", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: gpu_memory_utilization 1.2 is above 1");
        assertThat(r.err().lines().filter(l -> l.contains("gpu_memory_utilization")).count()).isEqualTo(1);
        // More than 1 × G is planned: the server KV capacity exceeds rules §7's 105,511 at the default 0.85.
        long capacity = Json.parse("stdout", r.out()).path("modes").path("server").path("maxTotalSequenceLength").asLong();
        assertThat(capacity).isGreaterThan(105_511);
    }
}
