package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ArchitectureDetails.Vision;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * The vision-language models of the registry (rules §10): a CLIP tower ({@code vision/clip_vision.py},
 * marked {@code no_quantization}, so group and block-scale leave it in the model dtype) plus a projector,
 * in the same params as the text model: phi3_v (Phi-3 text, HD image embedding with glb_GN/sub_GN and a
 * two-layer projector from 4 × image_dim_out) and llava (Llama or Mistral text, two-layer projector).
 */
final class VisionLayouts {

    private VisionLayouts() {
    }

    static List<Layouts.Counted> phi3v(ModelGeometry g, int tp) {
        Vision v = g.details().vision();
        long h = g.hiddenSize();
        long dim = 4L * v.imageDimOut();
        Params all = new Params().addAll(DecoderLayouts.of(g, tp));
        all.addAll(clip("vision_embed_tokens.img_processor.vision_model", v))
                .add(WeightTensor.vector("vision_embed_tokens.glb_GN", dim))
                .add(WeightTensor.vector("vision_embed_tokens.sub_GN", dim))
                .linear("vision_embed_tokens.img_projection.linear_1", h, dim, true)
                .linear("vision_embed_tokens.img_projection.linear_2", h, h, true);
        return all.entries();
    }

    static List<Layouts.Counted> llava(ModelGeometry g, int tp) {
        Vision v = g.details().vision();
        long h = g.hiddenSize();
        return new Params().addAll(DecoderLayouts.of(g, tp))
                .addAll(clip("vision_tower.vision_model", v))
                .linear("multi_modal_projector.linear_1", h, v.hiddenSize(), true)
                .linear("multi_modal_projector.linear_2", h, h, true).entries();
    }

    /** CLIPVisionModel: embeddings (class token, patch Conv2D, positions), pre/post LayerNorms, encoder. */
    private static List<Layouts.Counted> clip(String prefix, Vision v) {
        long h = v.hiddenSize();
        long positions = (long) (v.imageSize() / v.patchSize()) * (v.imageSize() / v.patchSize()) + 1;
        Params layer = new Params()
                .linear(prefix + ".self_attn.k_proj", h, h, true).linear(prefix + ".self_attn.v_proj", h, h, true)
                .linear(prefix + ".self_attn.q_proj", h, h, true).linear(prefix + ".self_attn.out_proj", h, h, true)
                .layerNorm(prefix + ".layer_norm1", h)
                .linear(prefix + ".mlp.fc1", v.intermediateSize(), h, true)
                .linear(prefix + ".mlp.fc2", h, v.intermediateSize(), true)
                .layerNorm(prefix + ".layer_norm2", h);
        Params tower = new Params()
                .add(WeightTensor.vector(prefix + ".embeddings.class_embedding", h))
                .add(WeightTensor.vector(prefix + ".embeddings.patch_embedding.weight",
                        h * v.channels() * v.patchSize() * v.patchSize()))
                .embedding(prefix + ".embeddings.position_embedding", positions, h)
                .layerNorm(prefix + ".pre_layrnorm", h)
                .repeat(layer, v.numLayers())
                .layerNorm(prefix + ".post_layernorm", h);
        return tower.entries().stream()
                .map(e -> new Layouts.Counted(e.tensor().unquantizedModule(), e.times())).toList();
    }
}
