package dev.kvlens.model.layout;

import dev.kvlens.model.ArchitectureDetails.Draft;
import dev.kvlens.model.ModelGeometry;
import dev.kvlens.model.WeightTensor;

import java.util.List;

/** Draft models of speculative decoding (rules §3.8, §10): Eagle and Medusa. */
final class DraftLayouts {

    private DraftLayouts() {
    }

    /**
     * Eagle: an embedding, Llama decoder layers (the first without its input norm), and {@code fc}
     * [h, 2h] fusing the embedding with the base model's hidden state; no lm_head, no final norm.
     */
    static List<WeightTensor> eagle(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        Params all = new Params().embedding("embed_tokens", s.vocab(), h);
        for (int layer = 0; layer < g.numHiddenLayers(); layer++) {
            all.linear("self_attn.qkv_proj", s.qkv(), h, false).linear("self_attn.o_proj", h, s.q() * s.d(), false);
            MoeLayouts.mlp(all, "mlp", h, s.i());
            if (layer != 0) {
                all.rmsNorm("input_layernorm", h);
            }
            all.rmsNorm("post_attention_layernorm", h);
        }
        Draft draft = g.details().draft();
        return all.linear("fc", h, 2 * h, draft == null || draft.fusionBias()).list();
    }

    /** Medusa: per head, {@code medusa_num_layers} ResBlocks (Linear [h, h] with bias) and a Linear [V, h]. */
    static List<WeightTensor> medusa(ModelGeometry g) {
        Draft draft = g.details().draft();
        long h = g.hiddenSize();
        Params head = new Params();
        for (int n = 0; n < draft.layersPerHead(); n++) {
            head.linear("medusa_head.linear", h, h, true);
        }
        head.add(WeightTensor.linear("medusa_head.head", g.vocabSize(), h));
        return new Params().repeat(head, draft.heads()).list();
    }
}
