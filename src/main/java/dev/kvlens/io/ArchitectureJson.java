package dev.kvlens.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.ArchitectureDetails.Draft;
import dev.kvlens.model.architecture.ArchitectureDetails.LinearAttention;
import dev.kvlens.model.architecture.ArchitectureDetails.Mla;
import dev.kvlens.model.architecture.ArchitectureDetails.Moe;
import dev.kvlens.model.architecture.ArchitectureDetails.Vision;

/**
 * Saves and restores a geometry's {@link ArchitectureDetails} (experts, latent or linear attention, draft
 * heads, vision tower, switches) in scenario and user-state files, so a saved MoE, MLA or hybrid model
 * comes back with the same parameter layout. Absent means a plain dense model.
 */
final class ArchitectureJson {

    private static final int MAX = 1 << 24;

    private ArchitectureJson() {
    }

    /** Writes {@code "architecture"} under {@code geometry} unless the details are the dense default. */
    static void write(ObjectNode geometry, ArchitectureDetails d) {
        if (d.equals(ArchitectureDetails.NONE)) {
            return;
        }
        ObjectNode a = geometry.putObject("architecture");
        a.put("qkvBias", d.qkvBias()).put("outputBias", d.outputBias()).put("learnedPositions", d.learnedPositions())
                .put("typeVocabSize", d.typeVocabSize()).put("weightBlockSize", d.weightBlockSize());
        if (d.moe() != null) {
            Moe m = d.moe();
            a.putObject("moe").put("numExperts", m.numExperts()).put("intermediateSize", m.intermediateSize())
                    .put("sharedIntermediateSize", m.sharedIntermediateSize()).put("firstDenseLayers", m.firstDenseLayers())
                    .put("layerFrequency", m.layerFrequency()).put("layerPhase", m.layerPhase())
                    .put("scoreCorrectionBias", m.scoreCorrectionBias()).put("numExpertsPerToken", m.numExpertsPerToken());
        }
        if (d.mla() != null) {
            Mla m = d.mla();
            a.putObject("mla").put("kvLoraRank", m.kvLoraRank()).put("qLoraRank", m.qLoraRank())
                    .put("qkNopeHeadDim", m.qkNopeHeadDim()).put("qkRopeHeadDim", m.qkRopeHeadDim())
                    .put("vHeadDim", m.vHeadDim());
        }
        if (d.linearAttention() != null) {
            LinearAttention l = d.linearAttention();
            a.putObject("linearAttention").put("fullAttentionInterval", l.fullAttentionInterval())
                    .put("keyHeadDim", l.keyHeadDim()).put("valueHeadDim", l.valueHeadDim())
                    .put("numKeyHeads", l.numKeyHeads()).put("numValueHeads", l.numValueHeads())
                    .put("convKernel", l.convKernel());
        }
        if (d.draft() != null) {
            a.putObject("draft").put("heads", d.draft().heads()).put("layersPerHead", d.draft().layersPerHead())
                    .put("fusionBias", d.draft().fusionBias());
        }
        if (d.vision() != null) {
            Vision v = d.vision();
            a.putObject("vision").put("hiddenSize", v.hiddenSize()).put("intermediateSize", v.intermediateSize())
                    .put("numLayers", v.numLayers()).put("patchSize", v.patchSize()).put("imageSize", v.imageSize())
                    .put("channels", v.channels()).put("imageDimOut", v.imageDimOut()).put("mistralText", v.mistralText());
        }
    }

    /** Reads what {@link #write} wrote; {@link ArchitectureDetails#NONE} when the geometry has none. */
    static ArchitectureDetails read(JsonFields geometry) {
        if (!geometry.has("architecture")) {
            return ArchitectureDetails.NONE;
        }
        JsonFields a = geometry.object("architecture");
        ArchitectureDetails d = ArchitectureDetails.NONE
                .withBiases(a.optionalBoolean("qkvBias", false), a.optionalBoolean("outputBias", false))
                .withTables(a.optionalInt("learnedPositions", 0, MAX).orElse(0), a.optionalInt("typeVocabSize", 0, MAX).orElse(0))
                .withWeightBlockSize(a.optionalInt("weightBlockSize", 0, MAX).orElse(0));
        if (a.has("moe")) {
            JsonFields m = a.object("moe");
            d = d.withMoe(new Moe(m.requireInt("numExperts", 1, MAX), m.requireInt("intermediateSize", 0, MAX),
                    m.requireInt("sharedIntermediateSize", 0, MAX), m.requireInt("firstDenseLayers", 0, MAX),
                    m.requireInt("layerFrequency", 1, MAX), m.requireInt("layerPhase", 0, MAX),
                    m.optionalBoolean("scoreCorrectionBias", false),
                    m.optionalInt("numExpertsPerToken", 0, MAX).orElse(0)));
        }
        if (a.has("mla")) {
            JsonFields m = a.object("mla");
            d = d.withMla(new Mla(m.requireInt("kvLoraRank", 1, MAX), m.requireInt("qLoraRank", 0, MAX),
                    m.requireInt("qkNopeHeadDim", 1, MAX), m.requireInt("qkRopeHeadDim", 1, MAX), m.requireInt("vHeadDim", 1, MAX)));
        }
        if (a.has("linearAttention")) {
            JsonFields l = a.object("linearAttention");
            d = d.withLinearAttention(new LinearAttention(l.requireInt("fullAttentionInterval", 1, MAX),
                    l.requireInt("keyHeadDim", 1, MAX), l.requireInt("valueHeadDim", 1, MAX), l.requireInt("numKeyHeads", 1, MAX),
                    l.requireInt("numValueHeads", 1, MAX), l.requireInt("convKernel", 1, MAX)));
        }
        if (a.has("draft")) {
            JsonFields r = a.object("draft");
            d = d.withDraft(new Draft(r.requireInt("heads", 0, MAX), r.requireInt("layersPerHead", 0, MAX),
                    r.optionalBoolean("fusionBias", true)));
        }
        if (a.has("vision")) {
            JsonFields v = a.object("vision");
            d = d.withVision(new Vision(v.requireInt("hiddenSize", 1, MAX), v.requireInt("intermediateSize", 1, MAX),
                    v.requireInt("numLayers", 1, MAX), v.requireInt("patchSize", 1, MAX), v.requireInt("imageSize", 1, MAX),
                    v.requireInt("channels", 1, 16), v.requireInt("imageDimOut", 0, MAX), v.optionalBoolean("mistralText", false)));
        }
        return d;
    }
}
