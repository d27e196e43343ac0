package dev.kvlens.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.Json;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.model.Mib;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Device rows as {@code kvlens devices} and {@code kvlens presets} print them: text columns or JSON objects. */
final class DeviceListing {

    private static final String ROW = "  %-22s %-42s %-7s %17s B %14s MiB  %s%n";

    private DeviceListing() {
    }

    static void detectedText(PrintWriter out, List<DetectedDevice> detected) {
        out.println("Detected on this machine:");
        if (detected.isEmpty()) {
            out.println("  none (no nvidia-smi or rocm-smi answered; on macOS, sysctl)");
        }
        for (DetectedDevice d : detected) {
            row(out, d.id(), d.device(), "approximate: " + d.precision() + "; from " + d.source());
        }
    }

    static void presetsText(PrintWriter out, List<PresetCatalog.DevicePreset> presets) {
        out.println("Device presets (G as the driver reports it to MLC, rules §3.2):");
        for (PresetCatalog.DevicePreset p : presets) {
            row(out, p.id(), p.device(), (p.exact() ? "exact: " : "approximate: ") + p.precision()
                    + "; source: " + p.source());
        }
    }

    static ArrayNode detectedJson(List<DetectedDevice> detected) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (DetectedDevice d : detected) {
            ObjectNode node = device(array.addObject(), d.id(), d.device(), d.exact());
            node.put("tool", d.tool());
            node.put("precision", d.precision());
            node.put("source", d.source());
        }
        return array;
    }

    static ArrayNode presetsJson(List<PresetCatalog.DevicePreset> presets) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (PresetCatalog.DevicePreset p : presets) {
            ObjectNode node = device(array.addObject(), p.id(), p.device(), p.exact());
            node.put("precision", p.precision());
            node.put("source", p.source());
        }
        return array;
    }

    private static ObjectNode device(ObjectNode node, String id, Device device, boolean exact) {
        node.put("id", id);
        node.put("name", device.name());
        node.put("backend", device.backend().cliName());
        node.put("bytes", device.totalGlobalMemoryBytes());
        node.put("exact", exact);
        return node;
    }

    private static void row(PrintWriter out, String id, Device device, String provenance) {
        out.printf(Locale.ROOT, ROW, id, device.name(), device.backend().cliName(),
                String.format(Locale.ROOT, "%,d", device.totalGlobalMemoryBytes()),
                Mib.format(device.totalGlobalMemoryBytes(), 3), provenance);
    }
}
