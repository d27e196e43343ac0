package dev.kvlens.model;

import java.util.Objects;

/**
 * A byte count with where it came from, so the app can say "exact" or "approx.".
 *
 * @param bytes      the value
 * @param provenance how it was obtained
 * @param detail     a short human note (file name, formula), may be empty
 */
public record ByteFigure(long bytes, Provenance provenance, String detail) {

    /** Where a byte count came from. */
    public enum Provenance {
        /** Computed from the geometry and the quantization byte layout (rules §5): exact. */
        COMPUTED,
        /** Given by the user or read from an MLC artifact: exact. */
        GIVEN,
        /** The §4.2 heuristic: approximate. */
        HEURISTIC;

        public boolean exact() {
            return this != HEURISTIC;
        }
    }

    public ByteFigure {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(detail, "detail");
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must not be negative, got " + bytes);
        }
    }

    public static ByteFigure given(long bytes, String detail) {
        return new ByteFigure(bytes, Provenance.GIVEN, detail);
    }
}
