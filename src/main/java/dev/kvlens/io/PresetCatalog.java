package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.Backend;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.Device;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in models and devices ({@code assets/presets/*.json} on the classpath), each with the source of
 * its numbers.
 *
 * @param models              model presets, in file order
 * @param devices             device presets, in file order
 * @param defaultModelId      the model the app opens with
 * @param defaultQuantization the scheme the app opens with
 * @param defaultDeviceId     the device the app opens with
 */
public record PresetCatalog(List<ModelDescription> models, List<DevicePreset> devices, String defaultModelId,
                            Quantization defaultQuantization, String defaultDeviceId) {

    /**
     * A device preset with the provenance of its memory figure (rules §3.2: what the driver reports to MLC).
     *
     * @param id        the name used on the command line ({@code --gpu rtx-4090})
     * @param device    name, backend and bytes
     * @param exact     true only when a public log prints this byte figure as the driver reported it; false for
     *                  figures rounded in print, ranges and nominal values
     * @param precision how far the figure may be off, in words
     * @param source    where the figure was printed
     */
    public record DevicePreset(String id, Device device, boolean exact, String precision, String source) {
    }

    private static final String MODELS = "/assets/presets/models.json";
    private static final String DEVICES = "/assets/presets/devices.json";

    /** The catalog shipped with the app: read once per process (it is immutable), on first use from any thread. */
    public static PresetCatalog load() {
        return Bundled.CATALOG;
    }

    private static final class Bundled { // initialised, thread-safely, by the first load()
        static final PresetCatalog CATALOG = read();
    }

    private static PresetCatalog read() {
        JsonNode modelsJson = Json.readResource(MODELS);
        JsonNode devicesJson = Json.readResource(DEVICES);
        JsonFields modelsFile = new JsonFields(MODELS, "", modelsJson);
        JsonFields devicesFile = new JsonFields(DEVICES, "", devicesJson);
        List<ModelDescription> models = new ArrayList<>();
        for (JsonNode node : modelsJson.path("models")) {
            String path = "models[" + models.size() + "]";
            JsonFields fields = new JsonFields(MODELS, path, node);
            models.add(fields.has("hfConfig") ? fromHfConfig(fields, path, node) : model(fields));
        }
        List<DevicePreset> devices = new ArrayList<>();
        for (JsonNode node : devicesJson.path("devices")) {
            devices.add(device(new JsonFields(DEVICES, "devices[" + devices.size() + "]", node)));
        }
        Quantization quantization = Quantization.require(modelsFile.requireString("defaultQuantization"));
        return new PresetCatalog(List.copyOf(models), List.copyOf(devices), modelsFile.requireString("defaultModel"),
                quantization, devicesFile.requireString("defaultDevice"));
    }

    public Optional<ModelDescription> model(String id) {
        return models.stream().filter(m -> m.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    public Optional<DevicePreset> device(String id) {
        return devices.stream().filter(d -> d.id().equalsIgnoreCase(id.trim())).findFirst();
    }

    public ModelDescription defaultModel() {
        return model(defaultModelId).orElseThrow();
    }

    public DevicePreset defaultDevice() {
        return device(defaultDeviceId).orElseThrow();
    }

    private static ModelDescription model(JsonFields f) {
        String type = f.requireString("modelType");
        ModelFamily family = ModelFamily.fromModelType(type);
        ModelGeometry geometry = new ModelGeometry(type, family,
                f.requireInt("numHiddenLayers", 1, 1 << 20), f.requireInt("numAttentionHeads", 1, 1 << 20),
                f.requireInt("numKeyValueHeads", 1, 1 << 20), f.requireInt("headDim", 1, 1 << 20),
                f.requireInt("hiddenSize", 1, 1 << 24), f.requireInt("intermediateSize", 0, 1 << 24),
                f.requireInt("vocabSize", 1, 1 << 24), f.optionalBoolean("tieWordEmbeddings", false),
                f.optionalBoolean("attentionBias", false));
        CompileConfig compile = new CompileConfig(f.requireInt("contextWindowSize", -1, Integer.MAX_VALUE),
                f.requireInt("prefillChunkSize", 1, Integer.MAX_VALUE), f.requireInt("maxBatchSize", 1, 1 << 20), 1, 1,
                f.requireInt("slidingWindowSize", -1, Integer.MAX_VALUE));
        return new ModelDescription(f.requireString("id"), f.requireString("name"), geometry, Optional.empty(), compile,
                ChatConfigValues.matching(compile), f.requireString("source"));
    }

    /**
     * A preset given as its Hugging Face config (a subset of the real config.json): geometry as MLC's config
     * class reads it, compile limits as gen_config derives them (rules §2.2) unless the entry overrides them.
     */
    private static ModelDescription fromHfConfig(JsonFields f, String path, JsonNode node) {
        HfConfigReader.Defaults d = HfConfigReader.defaults(MODELS, path + ".hfConfig", node.get("hfConfig"));
        CompileConfig compile = new CompileConfig(
                f.optionalInt("contextWindowSize", -1, Integer.MAX_VALUE).orElse(d.contextWindowSize()),
                f.optionalInt("prefillChunkSize", 1, Integer.MAX_VALUE).orElse(d.prefillChunkSize()),
                f.optionalInt("maxBatchSize", 1, 1 << 20).orElse(CompileConfig.DEFAULT_MAX_BATCH_SIZE), 1, 1,
                f.optionalInt("slidingWindowSize", -1, Integer.MAX_VALUE).orElse(d.slidingWindowSize()));
        return new ModelDescription(f.requireString("id"), f.requireString("name"), d.geometry(), Optional.empty(),
                compile, ChatConfigValues.matching(compile), f.requireString("source"));
    }

    private static DevicePreset device(JsonFields f) {
        Backend backend = Backend.fromCliName(f.requireString("backend"));
        Device device = new Device(f.requireString("name"), backend,
                f.requireLong("totalGlobalMemoryBytes", 1, Long.MAX_VALUE / 2));
        return new DevicePreset(f.requireString("id"), device, f.optionalBoolean("exact", false),
                f.requireString("precision"), f.requireString("source"));
    }
}
