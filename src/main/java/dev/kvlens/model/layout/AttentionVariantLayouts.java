package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ArchitectureDetails.LinearAttention;
import dev.kvlens.model.architecture.ArchitectureDetails.Mla;
import dev.kvlens.model.architecture.ArchitectureDetails.Moe;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * Decoders whose attention differs from the fused-qkv form (rules §10): Gemma 3 (separate q/k/v, q/k
 * norms, four layer norms, tied head), DeepSeek-V2/V3 (multi-head latent attention plus MoE), and the
 * hybrid Qwen3.5 (GatedDeltaNet on all but every {@code full_attention_interval}-th layer).
 */
final class AttentionVariantLayouts {

    private AttentionVariantLayouts() {
    }

    static List<Layouts.Counted> gemma3(ModelGeometry g, int tp) {
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
                .embedding("embed_tokens", s.vocab(), s.h()).rmsNorm("norm", s.h()).entries();
    }

    /** DeepSeek-V2/V3: MLA attention on every layer, MoE after {@code first_k_dense_replace}. */
    static List<Layouts.Counted> deepseekV2(ModelGeometry g, int tp) {
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

        attention.rmsNorm("input_layernorm", h).rmsNorm("post_attention_layernorm", h);
        int moeLayers = 0;
        for (int layer = 0; layer < g.numHiddenLayers(); layer++) {
            moeLayers += moe != null && moe.isMoeLayer(layer) ? 1 : 0;
        }
        Params routed = new Params();
        if (moe != null) {
            long e = moe.numExperts();
            long mi = moe.intermediateSize() / tp;
            routed.add(WeightTensor.gate("mlp.gate", e, h, true));
            if (moe.scoreCorrectionBias()) {
                routed.add(WeightTensor.vectorF32("mlp.e_score_correction_bias", e));
            }
            routed.add(WeightTensor.experts("mlp.moe_gate_up_proj", e, 2 * mi, h));
            routed.add(WeightTensor.experts("mlp.moe_down_proj", e, h, mi));
            MoeLayouts.mlp(routed, "mlp.shared_experts", h, moe.sharedIntermediateSize() / tp);
        }
        Params dense = new Params();
        MoeLayouts.mlp(dense, "mlp", h, s.i());
        Params all = new Params().repeat(attention, g.numHiddenLayers()).repeat(routed, moeLayers)
                .repeat(dense, g.numHiddenLayers() - moeLayers);
        return all.embedding("embed_tokens", s.vocab(), h).rmsNorm("norm", h).finalFc("lm_head", s.vocab(), h).entries();
    }

    /** Qwen3.5: gated full attention every {@code interval}-th layer, GatedDeltaNet elsewhere. */
    static List<Layouts.Counted> qwen35(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        LinearAttention la = g.details().linearAttention();
        long h = s.h();
        // layer i is full attention when (i + 1) % interval == 0 (Qwen35Config.layer_types)
        int fullLayers = g.numHiddenLayers() / la.fullAttentionInterval();
        Params full = new Params()
                // the query projection carries the output gate: 2·q heads
                .linear("self_attn.c_attn", (2 * s.q() + 2 * s.kv()) * s.d(), h, g.attentionBias())
                .linear("self_attn.o_proj", h, s.q() * s.d(), g.attentionBias())
                .rmsNorm("self_attn.q_norm", s.d()).rmsNorm("self_attn.k_norm", s.d());
        long nv = la.numValueHeads();
        long keys = (long) la.numKeyHeads() * la.keyHeadDim();
        long values = nv * la.valueHeadDim();
        long qkvDim = 2 * keys + values;
        Params linear = new Params()
                .linear("linear_attn.in_proj_qkv", qkvDim, h, false)
                .linear("linear_attn.in_proj_z", values, h, false)
                .linear("linear_attn.in_proj_a", nv, h, false)
                .linear("linear_attn.in_proj_b", nv, h, false)
                .linear("linear_attn.out_proj", h, values, false)
                .add(WeightTensor.vector("linear_attn.conv1d_weight", qkvDim * la.convKernel()))
                .add(WeightTensor.vectorF32("linear_attn.A_log", nv))
                .add(WeightTensor.vectorF32("linear_attn.dt_bias", nv))
                .rmsNorm("linear_attn.norm", la.valueHeadDim());
        Params common = new Params();
        MoeLayouts.mlp(common, "mlp", h, s.i());
        common.rmsNorm("input_layernorm", h).rmsNorm("post_attention_layernorm", h);
        Params all = new Params().repeat(full, fullLayers).repeat(linear, g.numHiddenLayers() - fullLayers)
                .repeat(common, g.numHiddenLayers());
        all.embedding("embed_tokens", s.vocab(), h).rmsNorm("norm", h);
        if (!g.tieWordEmbeddings()) {
            all.finalFc("lm_head", s.vocab(), h);
        }
        return all.entries();
    }
}
