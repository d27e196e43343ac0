package dev.kvlens.io;

import dev.kvlens.model.Backend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fake vendor tools on a PATH given to the detector (the JVM's environment is never touched), printing real
 * captured output (src/test/resources/gpu/SOURCES.md). Expected bytes are hand arithmetic in the comments.
 */
class GpuDetectorTest {

    private static final long MIB = 1024L * 1024;

    @TempDir
    Path bin;

    @BeforeEach
    void posixOnly() {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().startsWith("windows"), "shell-script fakes");
    }

    @Test
    void nvidiaSmiGivesTotalMinusReservedLabelledApproximate() throws IOException {
        script("nvidia-smi", "exec /bin/cat " + resource("nvidia-smi-rtx4090.csv"));
        List<DetectedDevice> found = detector("Linux").detect();
        assertThat(found).hasSize(1);
        DetectedDevice d = found.get(0);
        assertThat(d.id()).isEqualTo("detected-0");
        assertThat(d.device().name()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(d.device().backend()).isEqualTo(Backend.CUDA);
        // (24564 − 354) MiB = 24210 × 1,048,576 = 25,386,024,960 B
        assertThat(d.device().totalGlobalMemoryBytes()).isEqualTo(25_386_024_960L);
        assertThat(d.exact()).isFalse();
        assertThat(d.source()).contains("24564 MiB", "354 MiB");
        assertThat(d.precision()).contains("whole MiB");
        // The finding this rule rests on: CUDA's totalGlobalMem for an RTX 4090 is 25,393,692,672 B (rules §3.2).
        // total − reserved is 7.3 MiB off on that card; memory.total alone would be 24564 MiB, 346.7 MiB off.
        long cuda = 25_393_692_672L;
        assertThat(Math.abs(d.device().totalGlobalMemoryBytes() - cuda)).isLessThan(16 * MIB);
        assertThat(24564 * MIB - cuda).isGreaterThan(340 * MIB);
    }

    @Test
    void everyGpuOfAMachineIsListedInOrder() throws IOException {
        script("nvidia-smi", "exec /bin/cat " + resource("nvidia-smi-h100-x2.csv"));
        script("rocm-smi", "case \"$1\" in --showmeminfo) exec /bin/cat " + resource("rocm-smi-meminfo-vram.txt")
                + ";; *) exit 1;; esac");
        List<DetectedDevice> found = detector("Linux").detect();
        assertThat(found).extracting(DetectedDevice::id).containsExactly("detected-0", "detected-1", "detected-2");
        // (81559 − 336) MiB = 81223 × 1,048,576 = 85,168,488,448 B
        assertThat(found.get(0).device().totalGlobalMemoryBytes()).isEqualTo(85_168_488_448L);
        assertThat(found.get(2).device().backend()).isEqualTo(Backend.ROCM);
    }

    @Test
    void olderDriversWithoutMemoryReservedFallBackToTheTotal() throws IOException {
        // nvidia-smi rejects the whole query when it does not know a field.
        script("nvidia-smi", "case \"$1\" in *reserved*) echo 'Field \"memory.reserved\" is not a valid field to "
                + "query.'; exit 2;; esac\nexec /bin/cat " + resource("nvidia-smi-titan-z-total-only.csv"));
        List<DetectedDevice> found = detector("Linux").detect();
        assertThat(found).hasSize(2);
        // 6134 MiB = 6,431,965,184 B; the same card's CUDA totalGlobalMem was 6,432,907,264 B (NVIDIA/DIGITS#497)
        assertThat(found.get(0).device().totalGlobalMemoryBytes()).isEqualTo(6_431_965_184L);
        assertThat(6_432_907_264L - found.get(0).device().totalGlobalMemoryBytes()).isBetween(0L, MIB);
        assertThat(found.get(0).source()).contains("no memory.reserved");
    }

    @Test
    void rocmSmiReadsBytesAndNamesWhenTheToolGivesThem() throws IOException {
        script("rocm-smi", "case \"$1\" in --showmeminfo) exec /bin/cat " + resource("rocm-smi-meminfo-vram.txt")
                + ";; --showproductname) exec /bin/cat " + resource("rocm-smi-productname-mi300x.txt") + ";; esac");
        DetectedDevice d = detector("Linux").detect().get(0);
        assertThat(d.device().totalGlobalMemoryBytes()).isEqualTo(4_278_190_080L); // as printed
        assertThat(d.device().name()).isEqualTo("AMD Instinct MI300X");
        assertThat(d.tool()).isEqualTo("rocm-smi");
    }

    @Test
    void aRocmGpuWithoutAProductNameIsStillListed() throws IOException {
        script("rocm-smi", "case \"$1\" in --showmeminfo) exec /bin/cat " + resource("rocm-smi-meminfo-vram.txt")
                + ";; *) exit 1;; esac");
        assertThat(detector("Linux").detect()).extracting(d -> d.device().name()).containsExactly("AMD GPU 0");
    }

    @Test
    void aMacsMetalFigureFollowsThePublicLlamaCppLogs() throws IOException {
        script("sysctl", "case \"$2\" in hw.memsize) echo 17179869184;; *) echo 'Apple M1 Pro';; esac");
        DetectedDevice d = detector("Mac OS X").detect().get(0);
        assertThat(d.device().backend()).isEqualTo(Backend.METAL);
        assertThat(d.device().name()).isEqualTo("Apple M1 Pro");
        // 16 GiB × 2/3 = 11,453,246,122.67 → next 16 KiB page 699,051 × 16,384 = 11,453,251,584, which llama.cpp
        // prints as "recommendedMaxWorkingSetSize = 11453.25 MB" (and 10922.67 in MiB) on 16 GB Macs.
        assertThat(d.device().totalGlobalMemoryBytes()).isEqualTo(11_453_251_584L);
        script("sysctl", "case \"$2\" in hw.memsize) echo 68719476736;; *) echo 'Apple M2 Max';; esac");
        // 64 GiB × 3/4 = 48 GiB = 51,539,607,552 B, printed as "51539.61 MB" by llama.cpp on 64 GB Macs.
        assertThat(detector("Mac OS X").detect().get(0).device().totalGlobalMemoryBytes()).isEqualTo(51_539_607_552L);
        assertThat(detector("Linux").detect()).as("sysctl is only asked on macOS").isEmpty();
    }

    @Test
    void noToolsMeansNoDevice() {
        assertThat(detector("Linux").detect()).isEmpty();
        assertThat(new GpuDetector(Map.of(), "Linux", Duration.ofSeconds(2)).detect()).isEmpty();
    }

    @Test
    void aFailingToolMeansNoDevice() throws IOException {
        script("nvidia-smi", "/bin/cat " + resource("nvidia-smi-no-driver.txt") + "\nexit 9");
        script("rocm-smi", "exit 1");
        assertThat(detector("Linux").detect()).isEmpty();
    }

    @Test
    void garbageMeansNoDevice() throws IOException {
        script("nvidia-smi", "echo 'No devices were found'\necho ', , ,'\necho 'x, [N/A], [N/A]'\necho 'GPU, -5, 3'");
        script("rocm-smi", "echo 'GPU[0] : VRAM Total Memory (B): 99999999999999999999999'\necho 'GPU[x]: VRAM'");
        assertThat(detector("Linux").detect()).isEmpty();
    }

    @Test
    void aHangingToolIsKilledAtTheTimeBox() throws IOException {
        script("nvidia-smi", "exec /bin/sleep 30");
        long start = System.nanoTime();
        List<DetectedDevice> found = new GpuDetector(Map.of("PATH", bin.toString()), "Linux",
                Duration.ofMillis(300)).detect();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(found).isEmpty();
        assertThat(seconds).as("returned long before the fake tool's 30 s").isLessThan(15);
    }

    @Test
    void theParsersNeverThrowOnRandomText() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alphabet = "0123456789,[]:() \n\tGPUVRAMTotalMemory(B)Cardseries-NA/";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            try {
                assertThat(GpuToolOutputs.nvidiaSmi(input, random.nextBoolean())).allSatisfy(
                        d -> assertThat(d.device().totalGlobalMemoryBytes()).isPositive());
                assertThat(GpuToolOutputs.rocmSmi(input, input)).hasSizeLessThanOrEqualTo(GpuToolOutputs.MAX_DEVICES);
                GpuToolOutputs.macMemory(input, input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("seed " + seed + ", input " + input.replace("\n", "\\n"), e);
            }
        }
    }

    private GpuDetector detector(String os) {
        return new GpuDetector(Map.of("PATH", bin.toString()), os, Duration.ofSeconds(5));
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String resource(String name) throws IOException {
        Path copy = bin.resolve("data").resolve(name);
        Files.createDirectories(copy.getParent());
        try (InputStream in = GpuDetectorTest.class.getResourceAsStream("/gpu/" + name)) {
            Files.copy(java.util.Objects.requireNonNull(in, name), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return "'" + copy + "'";
    }
}
