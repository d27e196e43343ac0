package dev.kvlens.io;

import dev.kvlens.model.Device;

import java.util.Objects;

/**
 * A GPU found on this machine by a vendor tool, with where its memory figure came from. No tool prints the figure
 * MLC uses (rules §3.2: CUDA's {@code totalGlobalMem}, HIP's, Metal's {@code recommendedMaxWorkingSetSize}) to the
 * byte, so a detected figure is never exact; {@link #precision()} says how far off it may be.
 *
 * @param id        {@code detected-0}, {@code detected-1}, … in the order found
 * @param device    name as the tool prints it, backend and bytes
 * @param tool      the tool that answered ({@code nvidia-smi}, {@code rocm-smi}, {@code sysctl})
 * @param source    how the bytes were derived from the tool's output, with the printed figures
 * @param precision how far the figure may be from the driver's, in words
 */
public record DetectedDevice(String id, Device device, String tool, String source, String precision) {

    public DetectedDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(precision, "precision");
    }

    /** Detected figures are derived from rounded or differently-defined tool output (see the class comment). */
    public boolean exact() {
        return false;
    }

    DetectedDevice withId(String value) {
        return new DetectedDevice(value, device, tool, source, precision);
    }
}
