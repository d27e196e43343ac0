package dev.kvlens.model.layout;

import dev.kvlens.model.ArchitectureDetails.LinearAttention;
import dev.kvlens.model.ArchitectureDetails.Mla;
import dev.kvlens.model.ArchitectureDetails.Moe;
import dev.kvlens.model.ModelGeometry;
import dev.kvlens.model.WeightTensor;

import java.util.List;

/**
 * Decoders whose attention differs from the fused-qkv form (rules §10): Gemma 3 (separate q/k/v, q/k
 * norms, four layer norms, tied head), DeepSeek-V2/V3 (multi-head latent attention plus MoE), and the
 * hybrid Qwen3.5 (GatedDeltaNet on all but every {@code full_attention_interval}-th layer).
 */
final class AttentionVariantLayouts {

    private AttentionVariantLayouts() {
    }

    static List<WeightTensor> gemma3(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        Params layer = new Params()
                .linear("self_attn.q_proj", s.q() * s.d(), s.h(), false)
                .linear("self_attn.k_proj", s.kv() * s.d(), s.h(), false)
                .linear("self_attn.v_proj", s.kv() * s.d(), s.h(), false)
                .linear("self_attn.o_proj", s.h(), s.q() * s.d(), false)
                .rmsNorm("self_attn.q_norm", s.d()).rmsNorm("self_attn.k_norm", s.d());
        MoeLayouts.mlp(layer, "mlp", s.h(), s.i());
        layer.rmsNorm("input_layernorm", s.h()).rmsNorm("post_attention_layernorm", s.h())
                .rmsNorm("pre_feedforward_layernorm", s.h()).rmsNorm("post_feedforward_layernorm", s.h());
        return new Params().repeat(layer, g.numHiddenLayers())
                .embedding("embed_tokens", s.vocab(), s.h()).rmsNorm("norm", s.h()).list();
    }

    /** DeepSeek-V2/V3: MLA attention on every layer, MoE after {@code first_k_dense_replace}. */
    static List<WeightTensor> deepseekV2(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        Mla mla = g.details().mla();
        Moe moe = g.details().moe();
        long heads = s.q();
        long h = s.h();
        long qHeadDim = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
        boolean bias = g.attentionBias();
        Params attention = new Params();
        if (mla.qLoraRank() == 0) {
            attention.linear("self_attn.q_proj", heads * qHeadDim, h, false);
        } else {
            attention.linear("self_attn.q_a_proj", mla.qLoraRank(), h, bias)
                    .rmsNorm("self_attn.q_a_layernorm", mla.qLoraRank())
                    .linear("self_attn.q_b_proj", heads * qHeadDim, mla.qLoraRank(), false);
        }
        attention.linear("self_attn.kv_a_proj_with_mqa", mla.kvLoraRank() + mla.qkRopeHeadDim(), h, bias)
                .rmsNorm("self_attn.kv_a_layernorm", mla.kvLoraRank())
                .linear("self_attn.kv_b_proj", heads * (mla.qkNopeHeadDim() + mla.vHeadDim()), mla.kvLoraRank(), false)
                .add(WeightTensor.mlaAbsorbed("self_attn.w_uk", heads, mla.kvLoraRank(), mla.qkNopeHeadDim()))
                .add(WeightTensor.mlaAbsorbed("self_attn.w_uv", heads, mla.vHeadDim(), mla.kvLoraRank()))
                .linear("self_attn.o_proj", h, heads * mla.vHeadDim(), bias);

        Params all = new Params();
        for (int layer = 0; layer < g.numHiddenLayers(); layer++) {
            all.addAll(attention.list());
            if (moe != null && moe.isMoeLayer(layer)) {
                long e = moe.numExperts();
                long mi = moe.intermediateSize() / tp;
                all.add(WeightTensor.gate("mlp.gate", e, h, true));
                if (moe.scoreCorrectionBias()) {
                    all.add(WeightTensor.vectorF32("mlp.e_score_correction_bias", e));
                }
                all.add(WeightTensor.experts("mlp.moe_gate_up_proj", e, 2 * mi, h));
                all.add(WeightTensor.experts("mlp.moe_down_proj", e, h, mi));
                MoeLayouts.mlp(all, "mlp.shared_experts", h, moe.sharedIntermediateSize() / tp);
            } else {
                MoeLayouts.mlp(all, "mlp", h, s.i());
            }
            all.rmsNorm("input_layernorm", h).rmsNorm("post_attention_layernorm", h);
        }
        return all.embedding("embed_tokens", s.vocab(), h).rmsNorm("norm", h).finalFc("lm_head", s.vocab(), h).list();
    }

    /** Qwen3.5: gated full attention every {@code interval}-th layer, GatedDeltaNet elsewhere. */
    static List<WeightTensor> qwen35(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        LinearAttention la = g.details().linearAttention();
        long h = s.h();
        Params all = new Params();
        for (int layer = 0; layer < g.numHiddenLayers(); layer++) {
            if ((layer + 1) % la.fullAttentionInterval() == 0) {
                // the query projection carries the output gate: 2·q heads
                all.linear("self_attn.c_attn", (2 * s.q() + 2 * s.kv()) * s.d(), h, g.attentionBias())
                        .linear("self_attn.o_proj", h, s.q() * s.d(), g.attentionBias())
                        .rmsNorm("self_attn.q_norm", s.d()).rmsNorm("self_attn.k_norm", s.d());
            } else {
                long nv = la.numValueHeads();
                long keys = (long) la.numKeyHeads() * la.keyHeadDim();
                long values = nv * la.valueHeadDim();
                long qkvDim = 2 * keys + values;
                all.linear("linear_attn.in_proj_qkv", qkvDim, h, false)
                        .linear("linear_attn.in_proj_z", values, h, false)
                        .linear("linear_attn.in_proj_a", nv, h, false)
                        .linear("linear_attn.in_proj_b", nv, h, false)
                        .linear("linear_attn.out_proj", h, values, false)
                        .add(WeightTensor.vector("linear_attn.conv1d_weight", qkvDim * la.convKernel()))
                        .add(WeightTensor.vectorF32("linear_attn.A_log", nv))
                        .add(WeightTensor.vectorF32("linear_attn.dt_bias", nv))
                        .rmsNorm("linear_attn.norm", la.valueHeadDim());
            }
            MoeLayouts.mlp(all, "mlp", h, s.i());
            all.rmsNorm("input_layernorm", h).rmsNorm("post_attention_layernorm", h);
        }
        all.embedding("embed_tokens", s.vocab(), h).rmsNorm("norm", h);
        if (!g.tieWordEmbeddings()) {
            all.finalFc("lm_head", s.vocab(), h);
        }
        return all.list();
    }
}
