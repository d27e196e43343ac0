package dev.kvlens.model;

import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;

import java.util.Locale;
import java.util.Objects;

/**
 * A byte count with where it came from, so the app can say "exact" or "approx.".
 *
 * @param bytes      the value
 * @param provenance how it was obtained
 * @param note       where it came from (file name, formula) for people, as a {@link Phrase}; its English wording
 *                   is {@link #detail()}
 */
public record ByteFigure(long bytes, Provenance provenance, Phrase note) {

    private static final String VERBATIM = "text.verbatim";

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
        Objects.requireNonNull(note, "note");
        if (bytes < 0) {
            throw new IllegalArgumentException("byte count must not be negative, got " + bytes);
        }
    }

    /** A figure whose detail is text already worded (a file name, an option as typed, a scenario file's detail). */
    public ByteFigure(long bytes, Provenance provenance, String detail) {
        this(bytes, provenance, Phrase.of(VERBATIM, Objects.requireNonNull(detail, "detail")));
    }

    /** The detail in English, as the CLI and the files KV Lens writes say it. */
    public String detail() {
        return Phrases.format(Locale.ENGLISH, note);
    }

    /**
     * Two figures are the same when bytes, provenance and the detail as written (English) agree: a figure saved in a
     * scenario file and read back (its detail then is text) equals the one that was saved.
     */
    @Override
    public boolean equals(Object other) {
        // the same phrase first: the English is worded only when a phrase meets text (scenarios compare on every step)
        return other instanceof ByteFigure f && f.bytes == bytes && f.provenance == provenance
                && (f.note.equals(note) || f.detail().equals(detail()));
    }

    /** Bytes and provenance only: equal figures share them, and no detail is worded for a hash. */
    @Override
    public int hashCode() {
        return Objects.hash(bytes, provenance);
    }

    /** A figure given by the user or an artifact, with a detail already worded (a file or option name). */
    public static ByteFigure given(long bytes, String detail) {
        return new ByteFigure(bytes, Provenance.GIVEN, detail);
    }

    /** A figure given by an artifact, said as a phrase. */
    public static ByteFigure given(long bytes, Phrase note) {
        return new ByteFigure(bytes, Provenance.GIVEN, note);
    }

    /** The common case: read from {@code file} ("from FILE"). */
    public static ByteFigure fromFile(long bytes, String file) {
        return given(bytes, Phrase.of("model.figure.from", file));
    }
}
