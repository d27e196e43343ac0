package dev.kvlens.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kvlens.model.Mib;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.explore.ModeVerdict;
import dev.kvlens.text.Phrases;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The machine-readable form of an estimate ({@code estimate --format json}). Byte values are MLC's exact
 * doubles written as plain decimals, so a script sees the same numbers MLC computes.
 */
public final class EstimateJson {

    /** Jackson's shared factory keeps a BigDecimal as given (since 2.15 the "exact" switch no longer changes it). */
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EstimateJson() {
    }

    /** Serializes an estimate as indented JSON text. */
    public static String write(Estimate estimate) {
        try {
            return Json.mapper().writeValueAsString(toTree(estimate));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize an estimate", e);
        }
    }

    /** The JSON tree of an estimate. */
    public static ObjectNode toTree(Estimate e) {
        ObjectNode root = NODES.objectNode();
        root.put("rules", e.rules().id());
        root.put("rulesLabel", e.rules().label());
        root.put("mlcCommit", e.rules().mlcCommit());
        root.put("stateKind", e.stateKind().name().toLowerCase(Locale.ROOT));
        root.put("selectedMode", e.selectedMode().mlcName());
        root.put("succeeds", e.succeeds());
        MlcLogFormatter.failureMessage(e).ifPresentOrElse(m -> root.put("error", m), () -> root.putNull("error"));

        ModelLibrary model = e.scenario().model();
        ObjectNode m = root.putObject("model");
        m.put("name", model.name());
        m.put("modelType", model.geometry().modelType());
        m.put("quantization", model.quantization().name());
        figure(m.putObject("parameters"), model.paramsBytes());
        figure(m.putObject("tempFunction"), model.tempFuncBytes());
        ObjectNode compile = m.putObject("compile");
        compile.put("contextWindowSize", model.compile().contextWindowSize());
        compile.put("prefillChunkSize", model.compile().prefillChunkSize());
        compile.put("maxBatchSize", model.compile().maxBatchSize());
        compile.put("tensorParallelShards", model.compile().tensorParallelShards());
        compile.put("pipelineParallelStages", model.compile().pipelineParallelStages());
        compile.put("slidingWindowSize", model.compile().slidingWindowSize());

        ObjectNode device = root.putObject("device");
        device.put("name", e.scenario().device().name());
        device.put("backend", e.scenario().device().backend().cliName());
        device.put("reportedBytes", e.scenario().device().totalGlobalMemoryBytes());
        device.put("bytes", e.deviceBytes());
        root.put("gpuMemoryUtilization", e.utilization());

        ObjectNode modes = root.putObject("modes");
        for (ModeEstimate mode : e.modes()) {
            ObjectNode node = mode(mode);
            verdict(node.putObject("verdict"), ModeVerdict.of(e, mode));
            modes.set(mode.mode().mlcName(), node);
        }
        return root;
    }

    private static ObjectNode mode(ModeEstimate mode) {
        ObjectNode node = NODES.objectNode();
        node.put("maxNumSequence", mode.maxNumSequence());
        node.put("maxTotalSequenceLength", mode.maxTotalSequenceLength());
        node.put("prefillChunkSize", mode.prefillChunkSize());
        if (mode.unlimitedSingleSequence()) {
            node.putNull("maxSingleSequenceLength");
        } else {
            node.put("maxSingleSequenceLength", mode.maxSingleSequenceLength());
        }
        node.put("capacityFromMemory", mode.capacityFromMemory());
        node.put("fits", mode.fits());
        ObjectNode user = node.putObject("specifiedByUser");
        user.put("maxNumSequence", mode.batchSpecifiedByUser());
        user.put("maxTotalSequenceLength", mode.capacitySpecifiedByUser());
        user.put("prefillChunkSize", mode.prefillSpecifiedByUser());
        ObjectNode bytes = node.putObject("bytes");
        bytes.put("parameters", mode.paramsBytes());
        bytes.put("kvCache", exact(mode.kvCacheBytes()));
        bytes.put("temporary", exact(mode.temporaryBytes()));
        bytes.put("total", exact(mode.totalBytes()));
        bytes.put("kvPages", exact(mode.kvPagesBytes()));
        bytes.put("kvAux", exact(mode.kvAuxBytes()));
        bytes.put("tempBuffer", mode.tempBufferBytes());
        bytes.put("modelWorkspace", exact(mode.modelWorkspaceBytes()));
        bytes.put("logitWorkspace", exact(mode.logitWorkspaceBytes()));
        bytes.put("kvBytesPerToken", exact(mode.kvBytesPerToken()));
        bytes.put("available", exact(mode.availableBytes()));
        ObjectNode mib = node.putObject("mib");
        mib.put("parameters", Mib.of(mode.paramsBytes()));
        mib.put("kvCache", Mib.of(mode.kvCacheBytes()));
        mib.put("temporary", Mib.of(mode.temporaryBytes()));
        mib.put("total", Mib.of(mode.totalBytes()));
        return node;
    }

    /** The verdict (issue 12): status, limit and the physical figure next to MLC's estimate, in bytes. */
    private static void verdict(ObjectNode node, ModeVerdict v) {
        node.put("status", v.status().name().toLowerCase(Locale.ROOT));
        node.put("limitedBy", v.limit().name().toLowerCase(Locale.ROOT));
        node.put("deviceBytes", v.deviceBytes());
        node.put("budgetBytes", exact(v.budgetBytes()));
        node.put("estimatedBytes", exact(v.estimatedBytes()));
        if (v.physicalBytes().isPresent()) {
            node.put("physicalBytes", exact(v.physicalBytes().getAsDouble()));
        } else {
            node.putNull("physicalBytes");
        }
        node.put("physicalProvenance", "inferred from MLC and TVM code (KV pages, attention workspace, state the estimate leaves out), not measured");
        node.put("leftBytes", exact(v.leftBytes()));
        node.put("overBudgetBytes", exact(v.overBudgetBytes()));
        v.stoppedBy().ifPresentOrElse(m -> node.put("stoppedBy", m.mlcName()), () -> node.putNull("stoppedBy"));
        node.put("text", Phrases.format(Locale.ENGLISH, v.phrase()));
    }

    private static void figure(ObjectNode node, ByteFigure figure) {
        node.put("bytes", figure.bytes());
        node.put("provenance", figure.provenance().name().toLowerCase(Locale.ROOT));
        node.put("exact", figure.provenance().exact());
        node.put("detail", figure.detail());
    }

    /** A double as its exact decimal value (all MLC byte doubles are multiples of 1/8). */
    private static BigDecimal exact(double value) {
        BigDecimal exact = new BigDecimal(value);
        return exact.scale() > 0 ? exact.stripTrailingZeros() : exact;
    }
}
