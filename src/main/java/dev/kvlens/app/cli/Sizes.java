package dev.kvlens.app.cli;

import dev.kvlens.model.engine.InputLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Conversions and range checks for byte counts typed on the command line. */
final class Sizes {

    /** The largest device or byte figure accepted: 1 PiB ({@link InputLimits#MAX_BYTES}). */
    static final long MAX_BYTES = InputLimits.MAX_BYTES;
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

    private Sizes() {
    }

    /** MiB (decimal text such as 4308.133) to whole bytes, rounded half-even. */
    static long mibToBytes(String option, BigDecimal mib) {
        if (mib.signum() <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + mib.toPlainString());
        }
        BigDecimal bytes = mib.multiply(MIB).setScale(0, RoundingMode.HALF_EVEN);
        if (bytes.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new IllegalArgumentException(option + " " + mib.toPlainString() + " is more than 1 PiB");
        }
        return bytes.longValueExact();
    }

    /** Checks a byte count typed directly. */
    static long bytes(String option, long bytes, boolean allowZero) {
        if (bytes < 0 || (!allowZero && bytes == 0)) {
            throw new IllegalArgumentException(option + " must be " + (allowZero ? "zero or " : "") + "positive, got " + bytes);
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(option + " " + bytes + " is more than 1 PiB");
        }
        return bytes;
    }

    /** Checks an upper bound ({@link InputLimits}). */
    static int atMost(String option, int value, int max) {
        if (value > max) {
            throw new IllegalArgumentException(option + " " + value + " is more than " + max + " (KV Lens's limit)");
        }
        return value;
    }

    /** Checks a token or batch count. */
    static int positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        return value;
    }
}
