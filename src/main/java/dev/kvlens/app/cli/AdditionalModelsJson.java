package dev.kvlens.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.engine.PhysicalAllocation;

import java.util.List;
import java.util.Locale;

/**
 * The {@code estimate --format json} fields for additional models (rules §3.8): each model's parameter and
 * temporary figures with their provenance, and per mode the draft-token workspace MLC allocates but never estimates.
 * The per-mode byte figures of the main tree already hold MLC's sums over every model.
 */
final class AdditionalModelsJson {

    private AdditionalModelsJson() {
    }

    static void add(ObjectNode tree, Estimate estimate, List<String> sources) {
        List<ModelLibrary> models = estimate.scenario().additionalModels();
        if (models.isEmpty()) {
            return; // single-model output stays as it was
        }
        ArrayNode list = tree.putArray("additionalModels");
        for (int i = 0; i < models.size(); i++) {
            ModelLibrary m = models.get(i);
            ObjectNode node = list.addObject();
            node.put("name", m.name());
            if (i < sources.size()) {
                node.put("source", sources.get(i));
            }
            node.put("modelType", m.geometry().modelType());
            node.put("kvStateKind", m.geometry().kvStateKind().metadataName());
            node.put("quantization", m.quantization().name());
            figure(node.putObject("parameters"), m.paramsBytes());
            figure(node.putObject("tempFunction"), m.tempFuncBytes());
            node.put("prefillChunkSize", m.compile().prefillChunkSize());
            node.put("contextWindowSize", m.compile().contextWindowSize());
            node.put("maxBatchSize", m.compile().maxBatchSize());
            node.put("pipelineParallelStages", m.compile().pipelineParallelStages());
        }
        if (estimate.stateKind() != Estimate.StateKind.KV_CACHE) {
            return;
        }
        ObjectNode modes = (ObjectNode) tree.get("modes");
        for (ModeEstimate mode : estimate.modes()) {
            ObjectNode node = (ObjectNode) modes.get(mode.mode().mlcName());
            node.put("draftTokenWorkspaceBytes",
                    (long) PhysicalAllocation.draftWorkspaceBytes(estimate.scenario(), mode.maxNumSequence()));
        }
    }

    private static void figure(ObjectNode node, ByteFigure figure) {
        node.put("bytes", figure.bytes());
        node.put("provenance", figure.provenance().name().toLowerCase(Locale.ROOT));
        node.put("exact", figure.provenance().exact());
        node.put("detail", figure.detail());
    }
}
