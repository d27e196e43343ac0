package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ArchitectureDetails.Draft;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/** Draft models of speculative decoding (rules §3.8, §10): Eagle and Medusa. */
final class DraftLayouts {

    private DraftLayouts() {
    }

    /**
     * Eagle: an embedding, Llama decoder layers (the first without its input norm), and {@code fc}
     * [h, 2h] fusing the embedding with the base model's hidden state; no lm_head, no final norm.
     */
    static List<Layouts.Counted> eagle(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        Params layer = new Params()
                .linear("self_attn.qkv_proj", s.qkv(), h, false).linear("self_attn.o_proj", h, s.q() * s.d(), false);
        MoeLayouts.mlp(layer, "mlp", h, s.i());
        layer.rmsNorm("post_attention_layernorm", h);
        Params inputNorm = new Params().rmsNorm("input_layernorm", h);
        Params all = new Params().embedding("embed_tokens", s.vocab(), h).repeat(layer, g.numHiddenLayers())
                .repeat(inputNorm, g.numHiddenLayers() - 1L);
        Draft draft = g.details().draft();
        return all.linear("fc", h, 2 * h, draft == null || draft.fusionBias()).entries();
    }

    /** Medusa: per head, {@code medusa_num_layers} ResBlocks (Linear [h, h] with bias) and a Linear [V, h]. */
    static List<Layouts.Counted> medusa(ModelGeometry g) {
        Draft draft = g.details().draft();
        long h = g.hiddenSize();
        Params head = new Params();
        for (int n = 0; n < draft.layersPerHead(); n++) {
            head.linear("medusa_head.linear", h, h, true);
        }
        head.add(WeightTensor.linear("medusa_head.head", g.vocabSize(), h));
        return new Params().repeat(head, draft.heads()).entries();
    }
}
