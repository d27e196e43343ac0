package dev.kvlens.io;

import dev.kvlens.model.Device;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;

import java.util.Locale;
import java.util.Objects;

/**
 * A GPU found on this machine by a vendor tool, with where its memory figure came from. No tool prints the figure
 * MLC uses (rules §3.2: CUDA's {@code totalGlobalMem}, HIP's, Metal's {@code recommendedMaxWorkingSetSize}) to the
 * byte, so a detected figure is never exact; {@link #precision()} says how far off it may be.
 *
 * @param id        {@code detected-0}, {@code detected-1}, … in the order found
 * @param device    name as the tool prints it, backend and bytes
 * @param tool      the tool that answered ({@code nvidia-smi}, {@code rocm-smi}, {@code sysctl})
 * @param sourceWords    how the bytes were derived from the tool's output, with the printed figures
 * @param precisionWords how far the figure may be from the driver's
 */
public record DetectedDevice(String id, Device device, String tool, Phrase sourceWords, Phrase precisionWords) {

    public DetectedDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(sourceWords, "sourceWords");
        Objects.requireNonNull(precisionWords, "precisionWords");
    }

    /** A device whose notes are already worded in English (shown in English in every language). */
    public DetectedDevice(String id, Device device, String tool, String source, String precision) {
        this(id, device, tool, Phrase.of("text.verbatim", Objects.requireNonNull(source, "source")),
                Phrase.of("text.verbatim", Objects.requireNonNull(precision, "precision")));
    }

    /** How the bytes were derived, in English (what the CLI prints). */
    public String source() {
        return Phrases.format(Locale.ENGLISH, sourceWords);
    }

    /** How far the figure may be from the driver's, in English (what the CLI prints). */
    public String precision() {
        return Phrases.format(Locale.ENGLISH, precisionWords);
    }

    /** Detected figures are derived from rounded or differently-defined tool output (see the class comment). */
    public boolean exact() {
        return false;
    }

    DetectedDevice withId(String value) {
        return new DetectedDevice(value, device, tool, sourceWords, precisionWords);
    }
}
