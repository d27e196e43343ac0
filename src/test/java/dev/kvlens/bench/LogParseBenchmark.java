package dev.kvlens.bench;

import dev.kvlens.io.MlcLogParser;

import java.util.Arrays;

/**
 * Hostile-file repro R-blank (HostileReprosTest): 16 MiB of blank lines before one MLC line took 12 s to parse before
 * the fix. Timed here, on an idle machine, rather than in a unit test that a loaded CI machine would fail.
 */
public final class LogParseBenchmark {

    private LogParseBenchmark() {
    }

    /** Median wall time of parsing the 16 MiB file, in milliseconds, over 5 runs after 2 warm-up runs. */
    public static double medianMillis() {
        String blank = "\n".repeat(16 * 1024 * 1024 - 200) + "INFO Under mode \"local\", max batch size will be set "
                + "to 4, max KV cache token capacity will be set to 8192, prefill chunk size will be set to 8192.\n";
        double[] millis = new double[7];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            if (MlcLogParser.parse(blank).runtime().isEmpty()) {
                throw new IllegalStateException("the MLC line after the blank lines was not read");
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] measured = Arrays.copyOfRange(millis, 2, millis.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    public static void main(String[] args) {
        System.out.printf("log-parse-16mib-blank %.0f ms%n", medianMillis());
    }
}
