package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.text.Phrase;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code "additionalModels"} array of a scenario file: MLC's additional models (rules §3.8), each a model as
 * {@link ScenarioFiles#modelTree} writes it plus its scheme ({@code "quantization"}), measured byte counts
 * ({@code "measured"}) and its folder ({@code "modelLocation"}, when known). Optional: files without it are single-model scenarios; unknown fields are ignored.
 */
final class ScenarioAdditionalModels {

    static final String FIELD = "additionalModels";

    private ScenarioAdditionalModels() {
    }

    static List<AdditionalModel> read(String source, JsonNode root) {
        JsonNode array = root.get(FIELD);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InputException(source, FIELD, Phrase.of("io.json.beArray"));
        }
        List<AdditionalModel> models = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields m = new JsonFields(source, FIELD + "[" + i + "]", array.get(i));
            ModelDescription description = ScenarioFiles.readModel(m);
            Quantization scheme = Quantization.byName(m.requireString("quantization"))
                    .orElseThrow(() -> m.error("quantization", "io.quantization.unknown"));
            JsonFields measured = m.has("measured") ? m.object("measured") : null;
            AdditionalModel model = new AdditionalModel(description, scheme,
                    measured == null ? java.util.Optional.empty() : ScenarioFiles.figure(measured, "parameters"),
                    measured == null ? java.util.Optional.empty() : ScenarioFiles.figure(measured, "tempFunction"),
                    java.util.Optional.of(m.optionalString("modelLocation")).filter(l -> !l.isBlank()));
            models.add(model);
        }
        return models;
    }

    static void write(ObjectNode root, List<AdditionalModel> models) {
        if (models.isEmpty()) {
            return;
        }
        ArrayNode array = root.putArray(FIELD);
        for (AdditionalModel model : models) {
            ObjectNode node = array.addObject();
            ScenarioFiles.modelTree(node, model.description());
            node.put("quantization", model.scheme().name());
            model.location().ifPresent(l -> node.put("modelLocation", l));
            ObjectNode measured = node.putObject("measured");
            model.paramsBytes().ifPresent(f -> ScenarioFiles.figureTree(measured.putObject("parameters"), f));
            model.tempFuncBytes().ifPresent(f -> ScenarioFiles.figureTree(measured.putObject("tempFunction"), f));
        }
    }
}
