package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * Llama-style decoders (fused qkv, fused gate/up MLP) and their relatives, each following its MLC model
 * file's module tree (rules §10): which projections carry biases, which norms exist (RMSNorm weight,
 * LayerNorm weight and bias, OLMo's non-affine LayerNorm, Cohere's weight-only norm), q/k norms, and
 * whether the lm_head is tied, separate, or an ordinary linear named {@code output}.
 */
final class DecoderLayouts {

    private DecoderLayouts() {
    }

    static List<Layouts.Counted> of(ModelGeometry g, int tp) {
        ModelFamily f = g.family();
        Shard s = Shard.of(g, tp);
        Params layer = new Params();
        boolean qkvBias = switch (f) {
            case QWEN2 -> true;
            case QWEN3 -> g.attentionBias();
            case INTERNLM, INTERNLM2, STABLELM -> g.details().qkvBias();
            default -> false;
        };
        boolean oBias = switch (f) {
            case QWEN3 -> g.attentionBias();
            case INTERNLM, INTERNLM2 -> g.details().qkvBias();
            default -> false;
        };
        layer.linear("self_attn.qkv_proj", s.qkv(), s.h(), qkvBias);
        layer.linear("self_attn.o_proj", s.h(), s.q() * s.d(), oBias);
        if (f == ModelFamily.QWEN3) {
            layer.rmsNorm("self_attn.q_norm", s.d()).rmsNorm("self_attn.k_norm", s.d());
        }
        if (f == ModelFamily.OLMO2) {
            layer.rmsNorm("self_attn.q_norm", s.q() * s.d()).rmsNorm("self_attn.k_norm", s.kv() * s.d());
        }
        switch (f) {
            case COHERE -> layer.linear("mlp.gate_proj", s.i(), s.h(), false).linear("mlp.up_proj", s.i(), s.h(), false);
            // NemotronMLP is not gated and not divided by the shard count
            case NEMOTRON -> layer.linear("mlp.up_proj", g.intermediateSize(), s.h(), g.details().outputBias());
            default -> layer.linear("mlp.gate_up_proj", 2 * s.i(), s.h(), false);
        }
        long downIn = f == ModelFamily.NEMOTRON ? g.intermediateSize() : s.i();
        layer.linear("mlp.down_proj", s.h(), downIn, f == ModelFamily.NEMOTRON && g.details().outputBias());
        layerNorms(layer, f, s.h());

        Params all = new Params().repeat(layer, g.numHiddenLayers());
        all.embedding("embed_tokens", s.vocab(), s.h());
        finalNorm(all, f, s.h());
        head(all, g, s);
        return all.entries();
    }

    private static void layerNorms(Params layer, ModelFamily f, long h) {
        switch (f) {
            case GEMMA2 -> layer.rmsNorm("input_layernorm", h).rmsNorm("post_attention_layernorm", h)
                    .rmsNorm("pre_feedforward_layernorm", h).rmsNorm("post_feedforward_layernorm", h);
            case OLMO -> { } // LayerNorm(elementwise_affine=False): no parameters
            case COHERE -> layer.rmsNorm("input_layernorm", h);
            case ORION, STABLELM, NEMOTRON -> layer.layerNorm("input_layernorm", h).layerNorm("post_attention_layernorm", h);
            case OLMO2 -> layer.rmsNorm("post_attention_layernorm", h).rmsNorm("post_feedforward_layernorm", h);
            default -> layer.rmsNorm("input_layernorm", h).rmsNorm("post_attention_layernorm", h);
        }
    }

    private static void finalNorm(Params all, ModelFamily f, long h) {
        switch (f) {
            case OLMO -> { }
            case ORION, STABLELM, NEMOTRON -> all.layerNorm("norm", h);
            default -> all.rmsNorm("norm", h);
        }
    }

    /** lm_head per model file (rules §10 "lm_head" column). */
    private static void head(Params all, ModelGeometry g, Shard s) {
        switch (g.family()) {
            case GEMMA, GEMMA2, COHERE -> { } // always the embedding
            // InternLM2's head is named "output": an ordinary linear for every scheme (rules §5)
            case INTERNLM2 -> all.linear("output", s.vocab(), s.h(), false);
            case MISTRAL, ORION, STABLELM, BAICHUAN, INTERNLM, PHI3V -> all.finalFc("lm_head", s.vocab(), s.h());
            // is_final_fc compares the full name: "language_model.lm_head" is an ordinary linear
            case LLAVA -> {
                if (g.details().vision().mistralText() || !g.tieWordEmbeddings()) {
                    all.linear("language_model.lm_head", s.vocab(), s.h(), false);
                }
            }
            default -> {
                if (!g.tieWordEmbeddings()) {
                    all.finalFc("lm_head", s.vocab(), s.h());
                }
            }
        }
    }
}
