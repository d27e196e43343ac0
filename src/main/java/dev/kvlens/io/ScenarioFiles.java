package dev.kvlens.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.text.Phrase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Scenario files ({@code *.kvlens.json}): versioned JSON with every input, the rules and the measured values
 * with their provenance. Written atomically (temporary file, then a move), so a crash or a full disk never
 * leaves half a file.
 */
public final class ScenarioFiles {

    /** The schema this version writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    private static final String KIND = "scenario";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioFiles() {
    }

    /** Whether a JSON document is a KV Lens scenario. */
    public static boolean looksLike(JsonNode root) {
        return root.isObject() && KIND.equals(root.path("kvlens").asText());
    }

    /** Writes a scenario atomically. */
    public static void write(ScenarioDocument document, Path target, String savedWith) throws IOException {
        String json;
        try {
            json = Json.mapper().writeValueAsString(toTree(document, savedWith));
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialize the scenario: " + e.getOriginalMessage(), e);
        }
        AtomicFiles.write(target, ".json", temp -> Files.writeString(temp, json + "\n", StandardCharsets.UTF_8));
    }

    /** Reads a scenario file. */
    public static ScenarioDocument read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return parse(name, Json.readFile(path));
    }

    /** Interprets a parsed scenario a person opens: it must be of this schema and must be estimable. */
    public static ScenarioDocument parse(String source, JsonNode root) {
        return parse(source, root, false);
    }

    /**
     * Interprets saved session state: everything the window can be in is read back, including scenarios that
     * cannot be estimated (the window shows why) and, as far as this version understands them, newer schemas.
     */
    public static ScenarioDocument parseState(String source, JsonNode root) {
        return parse(source, root, true);
    }

    private static ScenarioDocument parse(String source, JsonNode root, boolean state) {
        JsonFields top = new JsonFields(source, "", root);
        if (!looksLike(root)) {
            throw new InputException(source, "kvlens", Phrase.of("io.scenario.notScenario"));
        }
        int version = top.requireInt("schemaVersion", 0, Integer.MAX_VALUE);
        if (version > SCHEMA_VERSION && !state) {
            throw new InputException(source, "schemaVersion", Phrase.of("io.scenario.newerSchema",
                    String.valueOf(version), String.valueOf(SCHEMA_VERSION)));
        }
        if (version < SCHEMA_VERSION) {
            throw new InputException(source, "schemaVersion", Phrase.of("io.scenario.unknownSchema", String.valueOf(version)));
        }
        try {
            JsonFields model = top.object("model");
            Quantization scheme = Quantization.byName(model.requireString("quantization"))
                    .orElseThrow(() -> model.error("quantization", "io.quantization.unknown"));
            ModelDescription description = readModel(model);
            CompileConfig defaults = top.has("modelDefaults") ? compile(top.object("modelDefaults")) : description.compile();
            JsonFields measured = top.object("measured");
            JsonFields d = top.object("device");
            Device device = new Device(d.requireString("name"), backend(d), d.requireLong("totalGlobalMemoryBytes", 1, 1L << 50));
            JsonFields e = top.object("engine");
            OptionalDouble util = e.has("gpuMemoryUtilization")
                    ? OptionalDouble.of(root.path("engine").path("gpuMemoryUtilization").asDouble()) : OptionalDouble.empty();
            JsonFields o = e.object("overrides");
            EngineOverrides overrides = new EngineOverrides(count(o, "maxNumSequence"), count(o, "maxTotalSequenceLength"),
                    count(o, "maxSingleSequenceLength"), count(o, "prefillChunkSize"));
            EngineSettings engine = new EngineSettings(mode(e), util, overrides);
            RuleSet rules = RuleSet.require(top.requireString("rules"));
            ScenarioSpec spec = new ScenarioSpec(description, scheme, figure(measured, "parameters"),
                    figure(measured, "tempFunction"), device, engine, rules);
            Optional<String> location = Optional.of(top.optionalString("modelLocation")).filter(s -> !s.isBlank());
            spec.limitViolation().ifPresent(v -> {
                throw new InputException(source, v.field(), ReportedProblems.of(v.problem()));
            });
            ScenarioDocument document = new ScenarioDocument(spec, defaults, location,
                    ScenarioAdditionalModels.read(source, root));
            if (!state) {
                document.toScenario(); // a file that cannot be estimated is reported now, naming the file
            }
            return document;
        } catch (IllegalArgumentException ex) {
            throw new InputException(source, "", ReportedProblems.of(ex));
        } catch (ArithmeticException ex) {
            throw new InputException(source, "", Phrase.of("io.number.valuesTooLarge"));
        }
    }

    /** Reads a model as {@link #modelTree} writes it. */
    static ModelDescription readModel(JsonFields model) {
        JsonFields g = model.object("geometry");
        String type = g.requireString("modelType");
        ModelGeometry geometry = new ModelGeometry(type, ModelFamily.fromModelType(type),
                g.requireInt("numHiddenLayers", 1, 1 << 20), g.requireInt("numAttentionHeads", 1, 1 << 20),
                g.requireInt("numKeyValueHeads", 1, 1 << 20), g.requireInt("headDim", 1, 1 << 20),
                g.requireInt("hiddenSize", 1, 1 << 24), g.requireInt("intermediateSize", 0, 1 << 24),
                g.requireInt("vocabSize", 1, 1 << 24), g.optionalBoolean("tieWordEmbeddings", false),
                g.optionalBoolean("attentionBias", false), ArchitectureJson.read(g));
        CompileConfig compile = compile(model.object("compile"));
        JsonFields c = model.object("chatConfig");
        ChatConfigValues chat = new ChatConfigValues(c.requireInt("contextWindowSize", -1, Integer.MAX_VALUE),
                c.requireInt("prefillChunkSize", -1, Integer.MAX_VALUE),
                c.requireInt("workspacePrefillChunkSize", 1, Integer.MAX_VALUE));
        // "ownQuantization" (empty: the source names none) tells the model's own scheme apart from the scenario's,
        // which a scenario file stores under "quantization"; files without it are read as before.
        String own = model.has("ownQuantization") ? model.optionalString("ownQuantization")
                : model.has("quantization") ? model.requireString("quantization") : "";
        Optional<Quantization> scheme = own.isBlank() ? Optional.empty() : Quantization.byName(own);
        ModelDescription description = new ModelDescription(model.requireString("id"), model.requireString("name"),
                geometry, scheme, compile, chat, model.optionalString("source"));
        InputLimits.check(description).ifPresent(v -> {
            throw model.error("geometry", "io.scenario.outOfLimits", v.field(), ReportedProblems.of(v.problem()));
        });
        return description;
    }

    private static CompileConfig compile(JsonFields c) {
        return new CompileConfig(c.requireInt("contextWindowSize", -1, Integer.MAX_VALUE),
                c.requireInt("prefillChunkSize", 1, Integer.MAX_VALUE), c.requireInt("maxBatchSize", 1, Integer.MAX_VALUE),
                c.requireInt("tensorParallelShards", 1, 4096), c.requireInt("pipelineParallelStages", 1, 4096),
                c.requireInt("slidingWindowSize", -1, Integer.MAX_VALUE));
    }

    private static Backend backend(JsonFields d) {
        String name = d.requireString("backend");
        try {
            return Backend.fromCliName(name);
        } catch (IllegalArgumentException e) {
            throw d.error("backend", "io.backend.unknown", name);
        }
    }

    private static EngineMode mode(JsonFields e) {
        String name = e.requireString("mode");
        try {
            return EngineMode.fromMlcName(name);
        } catch (IllegalArgumentException ex) {
            throw e.error("mode", "io.mode.unknown", name);
        }
    }

    private static OptionalLong count(JsonFields o, String name) {
        return o.has(name) ? OptionalLong.of(o.requireLong(name, 1, EngineOverrides.MAX_VALUE)) : OptionalLong.empty();
    }

    static Optional<ByteFigure> figure(JsonFields measured, String name) {
        if (!measured.has(name)) {
            return Optional.empty();
        }
        JsonFields f = measured.object(name);
        return Optional.of(ByteFigure.given(f.requireLong("bytes", 0, 1L << 50), f.optionalString("detail")));
    }

    static ObjectNode toTree(ScenarioDocument document, String savedWith) {
        ScenarioSpec spec = document.spec();
        ObjectNode root = NODES.objectNode();
        root.put("kvlens", KIND);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("savedWith", savedWith);
        root.put("rules", spec.rules().id());
        ObjectNode model = root.putObject("model");
        modelTree(model, spec.model());
        model.put("quantization", spec.quantization().name());
        compileTree(root.putObject("modelDefaults"), document.modelDefaults());
        document.modelLocation().ifPresent(l -> root.put("modelLocation", l));
        ObjectNode measured = root.putObject("measured");
        spec.paramsBytes().ifPresent(f -> figureTree(measured.putObject("parameters"), f));
        spec.tempFuncBytes().ifPresent(f -> figureTree(measured.putObject("tempFunction"), f));
        ObjectNode device = root.putObject("device");
        device.put("name", spec.device().name());
        device.put("backend", spec.device().backend().cliName());
        device.put("totalGlobalMemoryBytes", spec.device().totalGlobalMemoryBytes());
        ObjectNode engine = root.putObject("engine");
        engine.put("mode", spec.engine().mode().mlcName());
        spec.engine().gpuMemoryUtilization().ifPresent(u -> engine.put("gpuMemoryUtilization", u));
        ObjectNode overrides = engine.putObject("overrides");
        EngineOverrides o = spec.engine().overrides();
        o.maxNumSequence().ifPresent(v -> overrides.put("maxNumSequence", v));
        o.maxTotalSequenceLength().ifPresent(v -> overrides.put("maxTotalSequenceLength", v));
        o.maxSingleSequenceLength().ifPresent(v -> overrides.put("maxSingleSequenceLength", v));
        o.prefillChunkSize().ifPresent(v -> overrides.put("prefillChunkSize", v));
        ScenarioAdditionalModels.write(root, document.additionalModels());
        return root;
    }

    /** Writes a model description (geometry, compile-time values, chat-config values). */
    static void modelTree(ObjectNode model, ModelDescription d) {
        model.put("id", d.id());
        model.put("name", d.name());
        model.put("source", d.source());
        d.quantization().ifPresent(q -> model.put("quantization", q.name()));
        model.put("ownQuantization", d.quantization().map(Quantization::name).orElse(""));
        ModelGeometry g = d.geometry();
        ObjectNode geometry = model.putObject("geometry");
        geometry.put("modelType", g.modelType());
        geometry.put("numHiddenLayers", g.numHiddenLayers());
        geometry.put("numAttentionHeads", g.numAttentionHeads());
        geometry.put("numKeyValueHeads", g.numKeyValueHeads());
        geometry.put("headDim", g.headDim());
        geometry.put("hiddenSize", g.hiddenSize());
        geometry.put("intermediateSize", g.intermediateSize());
        geometry.put("vocabSize", g.vocabSize());
        geometry.put("tieWordEmbeddings", g.tieWordEmbeddings());
        geometry.put("attentionBias", g.attentionBias());
        ArchitectureJson.write(geometry, g.details());
        compileTree(model.putObject("compile"), d.compile());
        ObjectNode chat = model.putObject("chatConfig");
        chat.put("contextWindowSize", d.chatConfig().contextWindowSize());
        chat.put("prefillChunkSize", d.chatConfig().prefillChunkSize());
        chat.put("workspacePrefillChunkSize", d.chatConfig().workspacePrefillChunkSize());
    }

    private static void compileTree(ObjectNode node, CompileConfig c) {
        node.put("contextWindowSize", c.contextWindowSize());
        node.put("prefillChunkSize", c.prefillChunkSize());
        node.put("maxBatchSize", c.maxBatchSize());
        node.put("tensorParallelShards", c.tensorParallelShards());
        node.put("pipelineParallelStages", c.pipelineParallelStages());
        node.put("slidingWindowSize", c.slidingWindowSize());
    }

    static void figureTree(ObjectNode node, ByteFigure figure) {
        node.put("bytes", figure.bytes());
        node.put("provenance", figure.provenance().name().toLowerCase(Locale.ROOT));
        node.put("detail", figure.detail());
    }
}
