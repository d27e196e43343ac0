package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * GPT-style and other pre-Llama layouts (rules §10): LayerNorms with biases, non-gated or parallel MLPs,
 * learned position tables, fused c_attn projections. Each follows its MLC model file.
 */
final class ClassicLayouts {

    private ClassicLayouts() {
    }

    /** GPT-2: learned positions ({@code wpe}, context rows), biases everywhere, separate lm_head. */
    static List<Layouts.Counted> gpt2(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        Params layer = new Params().layerNorm("ln_1", h)
                .linear("attn.c_attn", 3 * s.q() * s.d(), h, true)
                .linear("attn.c_proj", h, s.q() * s.d(), true)
                .layerNorm("ln_2", h)
                .linear("mlp.c_fc", s.i(), h, true)
                .linear("mlp.c_proj", h, s.i(), true);
        return new Params().embedding("wte", s.vocab(), h).embedding("wpe", g.details().learnedPositions(), h)
                .repeat(layer, g.numHiddenLayers()).layerNorm("ln_f", h).finalFc("lm_head", s.vocab(), h).entries();
    }

    /** GPT-BigCode (StarCoder 1): multi-query attention with one KV head. */
    static List<Layouts.Counted> gptBigCode(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        Params layer = new Params().layerNorm("ln_1", h)
                .linear("attn.c_attn", (s.q() + 2) * s.d(), h, true)
                .linear("attn.c_proj", h, s.q() * s.d(), true)
                .layerNorm("ln_2", h)
                .linear("mlp.c_fc", s.i(), h, true)
                .linear("mlp.c_proj", h, s.i(), true);
        return new Params().embedding("wte", s.vocab(), h).embedding("wpe", g.details().learnedPositions(), h)
                .repeat(layer, g.numHiddenLayers()).layerNorm("ln_f", h).finalFc("lm_head", s.vocab(), h).entries();
    }

    /** GPT-J: parallel block with one LayerNorm; its projections are not sharded; lm_head with bias. */
    static List<Layouts.Counted> gptj(ModelGeometry g) {
        long h = g.hiddenSize();
        long inner = g.intermediateSize();
        Params layer = new Params().layerNorm("ln_1", h)
                .linear("attn.c_attn", 3 * h, h, false)
                .linear("attn.out_proj", h, h, false)
                .linear("mlp.fc_in", inner, h, true)
                .linear("mlp.fc_out", h, inner, true);
        return new Params().embedding("wte", g.vocabSize(), h).repeat(layer, g.numHiddenLayers())
                .layerNorm("ln_f", h).finalFc("lm_head", g.vocabSize(), h)
                .add(WeightTensor.vector("lm_head.bias", g.vocabSize())).entries();
    }

    /** Qwen (v1): c_attn with bias; the MLP's gate_up has intermediate_size rows (HF's value is both halves). */
    static List<Layouts.Counted> qwen(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        Params layer = new Params().rmsNorm("ln_1", h)
                .linear("attn.c_attn", 3 * s.q() * s.d(), h, true)
                .linear("attn.c_proj", h, s.q() * s.d(), false)
                .rmsNorm("ln_2", h)
                .linear("mlp.gate_up_proj", s.i(), h, false)
                .linear("mlp.c_proj", h, s.i() / 2, false);
        return new Params().embedding("wte", s.vocab(), h).repeat(layer, g.numHiddenLayers())
                .rmsNorm("ln_f", h).finalFc("lm_head", s.vocab(), h).entries();
    }

    /**
     * ChatGLM3: multi-query groups (not divided by the shard count), SwiGLU MLP, {@code output_layer} an
     * ordinary linear. Biases: qkv if add_bias_linear or add_qkv_bias; the rest if add_bias_linear.
     */
    static List<Layouts.Counted> chatglm(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        boolean linearBias = g.details().outputBias();
        long qkv = (2L * g.numKeyValueHeads() + s.q()) * s.d();
        Params layer = new Params().rmsNorm("input_layernorm", h)
                .linear("self_attention.query_key_value", qkv, h, linearBias || g.details().qkvBias())
                .linear("self_attention.dense", h, s.q() * s.d(), linearBias)
                .rmsNorm("post_attention_layernorm", h)
                .linear("mlp.dense_h_to_4h", 2 * s.i(), h, linearBias)
                .linear("mlp.dense_4h_to_h", h, s.i(), linearBias);
        return new Params().embedding("embedding", s.vocab(), h).repeat(layer, g.numHiddenLayers())
                .rmsNorm("final_layernorm", h).linear("output_layer", s.vocab(), h, false).entries();
    }

    /** StarCoder2: LayerNorms, non-gated MLP, biases when {@code use_bias}. */
    static List<Layouts.Counted> starcoder2(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        boolean bias = g.details().qkvBias();
        Params layer = new Params()
                .linear("self_attn.wqkv_pack", s.qkv(), h, bias)
                .linear("self_attn.o_proj", h, s.q() * s.d(), bias)
                .linear("mlp.c_fc", s.i(), h, bias)
                .linear("mlp.c_proj", h, s.i(), bias)
                .layerNorm("input_layernorm", h).layerNorm("post_attention_layernorm", h);
        return new Params().repeat(layer, g.numHiddenLayers()).embedding("embed_tokens", s.vocab(), h)
                .layerNorm("norm", h).finalFc("lm_head", s.vocab(), h).entries();
    }

    /** BERT encoder: word, position and token-type tables; post-LayerNorms; no head. */
    static List<Layouts.Counted> bert(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        long inner = g.intermediateSize();
        Params layer = new Params()
                .linear("attention.self.qkv", 3 * s.q() * s.d(), h, true)
                .linear("attention.output.dense", h, h, true)
                .layerNorm("attention.output.LayerNorm", h)
                .linear("intermediate.dense", inner, h, true)
                .linear("output.dense", h, inner, true)
                .layerNorm("output.LayerNorm", h);
        return new Params().embedding("embeddings.word_embeddings", s.vocab(), h)
                .embedding("embeddings.position_embeddings", g.details().learnedPositions(), h)
                .embedding("embeddings.token_type_embeddings", g.details().typeVocabSize(), h)
                .layerNorm("embeddings.LayerNorm", h)
                .repeat(layer, g.numHiddenLayers()).entries();
    }

    /** GPT-NeoX (RedPajama, Pythia): biased projections, LayerNorms, MLP with f32 output and f32 biases. */
    static List<Layouts.Counted> gptNeoX(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        long qd = s.q() * s.d();
        Params layer = new Params().layerNorm("input_layernorm", h).layerNorm("post_attention_layernorm", h)
                .linear("attention.query_key_value", 3 * qd, h, true)
                .linear("attention.dense", h, qd, true)
                .add(WeightTensor.linearF32Out("mlp.dense_h_to_4h", s.i(), h))
                .add(WeightTensor.vectorF32("mlp.dense_h_to_4h.bias", s.i()))
                .add(WeightTensor.linearF32Out("mlp.dense_4h_to_h", h, s.i()))
                .add(WeightTensor.vectorF32("mlp.dense_4h_to_h.bias", h));
        return new Params().repeat(layer, g.numHiddenLayers()).embedding("embed_in", s.vocab(), h)
                .layerNorm("final_layer_norm", h).finalFc("embed_out", s.vocab(), h).entries();
    }

    /** Phi-1/Phi-2 (phi, phi-msft): parallel block with one LayerNorm, lm_head with its own norm and bias. */
    static List<Layouts.Counted> phi(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        long h = s.h();
        Params layer = new Params().layerNorm("ln", h)
                .linear("mixer.Wqkv", s.qkv(), h, true)
                .linear("mixer.out_proj", h, s.q() * s.d(), true)
                .linear("mlp.fc1", s.i(), h, true)
                .linear("mlp.fc2", h, s.i(), true);
        return new Params().repeat(layer, g.numHiddenLayers()).embedding("embd.wte", s.vocab(), h)
                .layerNorm("lm_head.ln", h).finalFc("lm_head.linear", s.vocab(), h)
                .add(WeightTensor.vector("lm_head.linear.bias", s.vocab())).entries();
    }
}
