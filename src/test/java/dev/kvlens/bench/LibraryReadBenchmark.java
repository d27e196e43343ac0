package dev.kvlens.bench;

import dev.kvlens.io.LibraryFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Reading a 100 MB compiled library: an ELF-headed file of random bytes with real metadata (a Llama-2-7B library's
 * from ../shared/mlc-libs-dev, or a synthetic one) in its last quarter and a CUDA device-module key after it, the
 * worst place for a front-to-back scan. Reports the median wall time of five reads and the peak heap growth.
 */
final class LibraryReadBenchmark {

    record Results(double medianMillis, double peakHeapMegabytes) {
    }

    private LibraryReadBenchmark() {
    }

    /** Quick loop: {@code java -cp target/test-classes:target/classes:<test classpath> dev.kvlens.bench.LibraryReadBenchmark}. */
    public static void main(String[] args) throws IOException {
        Results r = run();
        System.out.printf(java.util.Locale.ROOT, "library-read-100mb %.1f ms, peak heap growth %.1f MB%n", r.medianMillis(),
                r.peakHeapMegabytes());
    }

    static Results run() throws IOException {
        Path dir = Files.createTempDirectory("kvlens-bench-lib");
        Path lib = dir.resolve("Llama-2-7b-chat-hf-q4f16_1-cuda.so");
        try {
            write(lib, 100L * 1024 * 1024);
            for (int i = 0; i < 3; i++) {
                LibraryFiles.read(lib, Map.of("vocab_size", 32000L));
            }
            double[] millis = new double[5];
            long peak = 0;
            for (int i = 0; i < millis.length; i++) {
                System.gc();
                long before = heapUsed();
                resetPeaks();
                long start = System.nanoTime();
                LibraryFiles.read(lib, Map.of("vocab_size", 32000L));
                millis[i] = (System.nanoTime() - start) / 1e6;
                peak = Math.max(peak, heapPeak() - before);
            }
            Arrays.sort(millis);
            return new Results(millis[millis.length / 2], peak / (1024.0 * 1024.0));
        } finally {
            Files.deleteIfExists(lib);
            Files.deleteIfExists(dir);
        }
    }

    private static void write(Path file, long size) throws IOException {
        byte[] metadata = metadata();
        byte[] chunk = new byte[1 << 20];
        new Random(42).nextBytes(chunk);
        chunk[0] = 0x7f;
        chunk[1] = 'E';
        chunk[2] = 'L';
        chunk[3] = 'F';
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < size * 3 / 4) {
                out.write(chunk);
                written += chunk.length;
                chunk[0] = 1;
            }
            out.write(0);
            out.write(metadata);
            out.write(new byte[]{0, 4, 0, 0, 0, 0, 0, 0, 0, 'c', 'u', 'd', 'a', 0});
            written += metadata.length + 15;
            while (written < size) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
                written += chunk.length;
            }
        }
    }

    private static byte[] metadata() throws IOException {
        Path real = Path.of(System.getProperty("kvlens.shared", "../shared"),
                "mlc-libs-dev/Llama-2-7b-chat-hf__Llama-2-7b-chat-hf-q4f16_1-mali.so.json");
        if (Files.isRegularFile(real)) {
            return Files.readString(real).replaceAll("\\s*\\n\\s*", " ").getBytes(StandardCharsets.UTF_8);
        }
        return ("{\"model_type\": \"llama\", \"params\": [{\"name\": \"w\", \"shape\": [4096, 4096], \"dtype\": \"float16\"}],"
                + " \"memory_usage\": {\"prefill\": 484450304}}").getBytes(StandardCharsets.UTF_8);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
