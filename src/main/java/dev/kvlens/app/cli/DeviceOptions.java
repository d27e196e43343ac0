package dev.kvlens.app.cli;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.math.BigDecimal;

/** Which GPU: a preset or a memory size, and its backend. */
final class DeviceOptions {

    static final class Memory {
        @Option(names = "--gpu", paramLabel = "ID", description = "A built-in device, e.g. rtx-4090, h100-80gb.")
        String preset;
        @Option(names = "--gpu-memory-bytes", paramLabel = "N", description = "Total device memory as the driver reports it.")
        Long bytes;
        @Option(names = "--gpu-memory-mib", paramLabel = "X", description = "The same in MiB, e.g. 24563 for an RTX 4090.")
        BigDecimal mib;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Memory memory;

    @Option(names = "--backend", paramLabel = "B",
            description = "cuda, rocm, vulkan, metal or opencl (default: the preset's, else cuda).")
    String backend;

    Device device(PresetCatalog catalog) {
        if (memory.preset != null) {
            Device preset = catalog.device(memory.preset).orElseThrow(() -> new IllegalArgumentException(
                    "unknown device '" + memory.preset + "' (known: " + String.join(", ", catalog.devices().stream()
                            .map(PresetCatalog.DevicePreset::id).toList()) + ")")).device();
            return backend == null ? preset
                    : new Device(preset.name(), Backend.fromCliName(backend), preset.totalGlobalMemoryBytes());
        }
        long bytes = memory.bytes != null
                ? Sizes.bytes("--gpu-memory-bytes", memory.bytes, false)
                : Sizes.mibToBytes("--gpu-memory-mib", memory.mib);
        return new Device("custom", backend == null ? Backend.CUDA : Backend.fromCliName(backend), bytes);
    }
}
