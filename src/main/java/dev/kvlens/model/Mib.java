package dev.kvlens.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * MLC's "MB" (which is MiB) as printed: {@code bytes / 1024 / 1024} in double arithmetic, then the exact
 * binary value rounded half-even to n decimals, as glibc's {@code printf} and Python's {@code %.nf} do
 * (rules §0). {@code String.format} rounds half-up and would print 0.125 as "0.13".
 */
public final class Mib {

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private Mib() {
    }

    /** Formats bytes as MiB with the given number of decimals. */
    public static String format(double bytes, int decimals) {
        double mib = bytes / 1024 / 1024;
        return new BigDecimal(mib).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** bytes ÷ 2^20 as a double (for charts and JSON). */
    public static double of(double bytes) {
        return bytes / BYTES_PER_MIB;
    }

    /** MiB → bytes, truncated toward zero (for "--gpu-memory-mib 81089"). */
    public static long toBytes(double mib) {
        return (long) (mib * BYTES_PER_MIB);
    }
}
