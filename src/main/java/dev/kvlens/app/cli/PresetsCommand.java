package dev.kvlens.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.io.Json;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kvlens presets}: the built-in models and devices, each with its source. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "Lists the built-in model presets (with MLC's compile-time defaults and their source) and the "
                + "device presets (with the driver's figure and its source).")
final class PresetsCommand implements Callable<Integer> {

    private static final String MODEL_ROW = "  %-28s %-40s %-12s %8s %8s %6s  %s%n";

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        boolean json = DevicesCommand.textOrJson(format);
        PresetCatalog catalog = PresetCatalog.load();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("defaultModel", catalog.defaultModelId());
            root.put("defaultQuantization", catalog.defaultQuantization().name());
            root.set("models", models(catalog));
            root.put("defaultDevice", catalog.defaultDeviceId());
            root.set("devices", DeviceListing.presetsJson(catalog.devices()));
            out.println(DevicesCommand.write(root));
            return 0;
        }
        out.println("Model presets (compile-time defaults as MLC's gen_config writes them):");
        out.printf(Locale.ROOT, MODEL_ROW, "id", "name", "model_type", "context", "prefill", "batch", "source");
        for (ModelDescription m : catalog.models()) {
            CompileConfig c = m.compile();
            out.printf(Locale.ROOT, MODEL_ROW, m.id(), m.name(), m.geometry().modelType(), c.contextWindowSize(),
                    c.prefillChunkSize(), c.maxBatchSize(), m.source());
        }
        out.println();
        DeviceListing.presetsText(out, catalog.devices());
        return 0;
    }

    private static ArrayNode models(PresetCatalog catalog) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (ModelDescription m : catalog.models()) {
            CompileConfig c = m.compile();
            ObjectNode node = array.addObject();
            node.put("id", m.id());
            node.put("name", m.name());
            node.put("modelType", m.geometry().modelType());
            m.quantization().ifPresent(q -> node.put("quantization", q.name()));
            node.put("contextWindowSize", c.contextWindowSize());
            node.put("prefillChunkSize", c.prefillChunkSize());
            node.put("maxBatchSize", c.maxBatchSize());
            node.put("slidingWindowSize", c.slidingWindowSize());
            node.put("source", m.source());
        }
        return array;
    }
}
