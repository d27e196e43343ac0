package dev.kvlens.app.cli;

import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Backend;
import dev.kvlens.model.Device;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;

/** Which GPU: a preset, the first detected one ({@code --gpu auto}) or a memory size, and its backend. */
final class DeviceOptions {

    /** The {@code --gpu} value that picks the first GPU detected on this machine. */
    static final String AUTO = "auto";

    static final class Memory {
        @Option(names = "--gpu", paramLabel = "ID",
                description = "A built-in device (rtx-4090, h100-80gb, …; see `kvlens devices`) or auto: the first "
                        + "GPU detected on this machine (an approximate figure).")
        String preset;
        @Option(names = "--gpu-memory-bytes", paramLabel = "N", description = "Total device memory as the driver reports it.")
        Long bytes;
        @Option(names = "--gpu-memory-mib", paramLabel = "X",
                description = "The same in MiB, e.g. 24217.3125 for an RTX 4090 (CUDA's totalGlobalMem).")
        BigDecimal mib;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Memory memory;

    @Option(names = "--backend", paramLabel = "B",
            description = "cuda, rocm, vulkan, metal or opencl (default: the preset's, else cuda).")
    String backend;

    private final DetectedDevices detected;

    DeviceOptions(DetectedDevices detected) {
        this.detected = detected;
    }

    DeviceOptions() {
        this(DetectedDevices.ofThisMachine());
    }

    Device device(PresetCatalog catalog) {
        return device(catalog, null);
    }

    /** The device; {@code --gpu auto} says on {@code err} (when given) which GPU it picked and where its figure came from. */
    Device device(PresetCatalog catalog, PrintWriter err) {
        if (memory.preset != null && memory.preset.trim().equalsIgnoreCase(AUTO)) {
            DetectedDevice first = detected.get().stream().findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "--gpu auto: no GPU detected on this machine (nvidia-smi, rocm-smi and, on macOS, sysctl gave no "
                            + "answer); use --gpu ID (see `kvlens devices`) or --gpu-memory-bytes N"));
            if (err != null) {
                err.println("note: --gpu auto picked " + first.device().name() + ", "
                        + String.format(Locale.ROOT, "%,d", first.device().totalGlobalMemoryBytes()) + " B ("
                        + first.source() + "; approximate: " + first.precision() + ")");
            }
            return withBackend(first.device());
        }
        if (memory.preset != null) {
            Device preset = catalog.device(memory.preset).orElseThrow(() -> new IllegalArgumentException(
                    "unknown device '" + memory.preset + "' (known: auto, " + String.join(", ", catalog.devices().stream()
                            .map(PresetCatalog.DevicePreset::id).toList()) + ")")).device();
            return withBackend(preset);
        }
        long bytes = memory.bytes != null
                ? Sizes.bytes("--gpu-memory-bytes", memory.bytes, false)
                : Sizes.mibToBytes("--gpu-memory-mib", memory.mib);
        return new Device("custom", backend == null ? Backend.CUDA : Backend.fromCliName(backend), bytes);
    }

    private Device withBackend(Device device) {
        return backend == null ? device
                : new Device(device.name(), Backend.fromCliName(backend), device.totalGlobalMemoryBytes());
    }
}
