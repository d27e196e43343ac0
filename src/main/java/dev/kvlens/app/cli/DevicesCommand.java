package dev.kvlens.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.Json;
import dev.kvlens.io.PresetCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kvlens devices}: the GPUs detected on this machine, then the device presets, each with its figure's source. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists the GPUs detected on this machine (nvidia-smi, rocm-smi; sysctl on macOS; each figure "
                + "approximate) and the device presets: name, backend, bytes and where the figure came from.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    String format;

    private final DetectedDevices detected;

    DevicesCommand(DetectedDevices detected) {
        this.detected = detected;
    }

    DevicesCommand() {
        this(DetectedDevices.ofThisMachine());
    }

    @Override
    public Integer call() {
        boolean json = textOrJson(format);
        PresetCatalog catalog = PresetCatalog.load();
        List<DetectedDevice> found = detected.get();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.set("detected", DeviceListing.detectedJson(found));
            root.put("defaultPreset", catalog.defaultDeviceId());
            root.set("presets", DeviceListing.presetsJson(catalog.devices()));
            out.println(write(root));
        } else {
            DeviceListing.detectedText(out, found);
            out.println();
            DeviceListing.presetsText(out, catalog.devices());
        }
        return 0;
    }

    static boolean textOrJson(String format) {
        return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException("unknown --format '" + format + "' (expected text or json)");
        };
    }

    static String write(ObjectNode root) {
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
