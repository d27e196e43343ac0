package dev.kvlens.io;

import dev.kvlens.text.Phrases;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a detected GPU's figure came from and how far off it may be, in the window's language; in English (the CLI's
 * {@code devices} listing) the sentences KV Lens printed before they became phrases, numbers ungrouped.
 */
class DetectedDeviceNotesTest {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Test
    void nvidiaSmiTotalMinusReserved() {
        DetectedDevice d = GpuToolOutputs.nvidiaSmi("NVIDIA GeForce RTX 4090, 24564, 354", true).get(0);
        assertThat(d.source()).isEqualTo("nvidia-smi: memory.total 24564 MiB − memory.reserved 354 MiB");
        assertThat(d.precision()).isEqualTo("nvidia-smi prints whole MiB, and total − reserved is only close to CUDA's "
                + "totalGlobalMem (within a few MiB to ~150 MiB in public logs)");
        assertThat(Phrases.format(CHINESE, d.sourceWords())).isEqualTo("nvidia-smi：memory.total 24564 MiB − memory.reserved 354 MiB");
        assertThat(Phrases.format(CHINESE, d.precisionWords())).isEqualTo("nvidia-smi 只打印整数 MiB，total − reserved 只是"
                + "接近 CUDA 的 totalGlobalMem（公开日志中相差几 MiB 到约 150 MiB）");
    }

    @Test
    void aMacsShareOfItsMemoryKeepsItsApostropheAndItsDigits() {
        // 16 GiB = 17,179,869,184 B; up to 32 GiB Metal's working set is 2/3 of RAM
        DetectedDevice d = GpuToolOutputs.macMemory("17179869184", "Apple M2").get(0);
        assertThat(d.source()).isEqualTo("sysctl hw.memsize 17179869184 B × 2/3 (Metal's recommendedMaxWorkingSetSize as "
                + "public llama.cpp logs show it for this RAM size)");
        assertThat(Phrases.format(CHINESE, d.sourceWords())).isEqualTo("sysctl hw.memsize 17179869184 B × 2/3（Metal 的 "
                + "recommendedMaxWorkingSetSize，按公开的 llama.cpp 日志中此内存大小的数值）");
        assertThat(Phrases.format(CHINESE, d.precisionWords())).startsWith("Metal 自己的数值只有 Metal 知道");
    }

    @Test
    void rocmSmiVram() {
        DetectedDevice d = GpuToolOutputs.rocmSmi("GPU[0]\t\t: VRAM Total Memory (B): 206141652992", "").get(0);
        assertThat(d.source()).isEqualTo("rocm-smi: VRAM Total Memory 206141652992 B");
        assertThat(Phrases.format(CHINESE, d.sourceWords())).isEqualTo("rocm-smi：VRAM Total Memory 206141652992 B");
        assertThat(Phrases.format(CHINESE, d.precisionWords())).startsWith("内核驱动报告的显存大小");
    }
}
