package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ArchitectureDetails.Moe;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * Mixture-of-experts decoders (rules §10): Mixtral, Qwen2-MoE, Qwen3-MoE, MiniCPM-MoE, DeepSeek (v1) and
 * Llama 4. Experts are {@code MixtralExperts} [E, out, in] (Llama 4's are raw parameters, which no scheme
 * converts); routers named {@code …gate} with ≤ 256 outputs stay unquantized, Llama 4's {@code router}
 * does not (rules §5).
 */
final class MoeLayouts {

    private MoeLayouts() {
    }

    static List<Layouts.Counted> of(ModelGeometry g, int tp) {
        Shard s = Shard.of(g, tp);
        Moe moe = g.details().moe();
        ModelFamily f = g.family();
        int moeLayers = 0;
        for (int layer = 0; layer < g.numHiddenLayers(); layer++) {
            moeLayers += moe != null && moe.isMoeLayer(layer) ? 1 : 0;
        }
        Params common = new Params();
        attention(common, g, s);
        common.rmsNorm("input_layernorm", s.h()).rmsNorm("post_attention_layernorm", s.h());
        Params routed = new Params();
        if (moe != null) {
            experts(routed, g, s, moe);
        }
        Params dense = new Params();
        mlp(dense, "mlp", s.h(), f == ModelFamily.DEEPSEEK ? g.intermediateSize() / tp : s.i());
        Params all = new Params().repeat(common, g.numHiddenLayers()).repeat(routed, moeLayers)
                .repeat(dense, g.numHiddenLayers() - moeLayers);
        all.embedding("embed_tokens", s.vocab(), s.h());
        all.rmsNorm("norm", s.h());
        boolean separate = switch (f) {
            case QWEN2_MOE, QWEN3_MOE, DEEPSEEK -> true;
            default -> !g.tieWordEmbeddings();
        };
        if (separate) {
            all.finalFc("lm_head", s.vocab(), s.h());
        }
        return all.entries();
    }

    private static void attention(Params p, ModelGeometry g, Shard s) {
        switch (g.family()) {
            case QWEN2_MOE -> p.linear("self_attn.c_attn", s.qkv(), s.h(), true)
                    .linear("self_attn.o_proj", s.h(), s.q() * s.d(), false);
            case QWEN3_MOE -> p.linear("self_attn.c_attn", s.qkv(), s.h(), g.attentionBias())
                    .linear("self_attn.o_proj", s.h(), s.q() * s.d(), g.attentionBias())
                    .rmsNorm("self_attn.q_norm", s.d()).rmsNorm("self_attn.k_norm", s.d());
            case DEEPSEEK -> p.linear("self_attn.wqkv_pack", s.qkv(), s.h(), g.attentionBias())
                    .linear("self_attn.o_proj", s.h(), s.q() * s.d(), g.attentionBias());
            // Llama 4: separate q/k/v; its L2 q/k norms have no weights
            case LLAMA4 -> p.linear("self_attn.q_proj", s.q() * s.d(), s.h(), g.attentionBias())
                    .linear("self_attn.k_proj", s.kv() * s.d(), s.h(), g.attentionBias())
                    .linear("self_attn.v_proj", s.kv() * s.d(), s.h(), g.attentionBias())
                    .linear("self_attn.o_proj", s.h(), s.q() * s.d(), g.attentionBias());
            default -> p.linear("self_attn.qkv_proj", s.qkv(), s.h(), false)
                    .linear("self_attn.o_proj", s.h(), s.q() * s.d(), false);
        }
    }

    private static void experts(Params p, ModelGeometry g, Shard s, Moe moe) {
        long e = moe.numExperts();
        long h = s.h();
        long mi = moe.intermediateSize() / s.tp();
        switch (g.family()) {
            case LLAMA4 -> {
                p.add(WeightTensor.vector("feed_forward.experts.gate_up_proj", e * h * 2 * mi));
                p.add(WeightTensor.vector("feed_forward.experts.down_proj", e * mi * h));
                p.linear("feed_forward.router.router", e / s.tp(), h, false);
                mlp(p, "feed_forward.shared_expert", h, mi);
            }
            case QWEN2_MOE -> {
                mlp(p, "mlp.shared_expert", h, moe.sharedIntermediateSize() / s.tp());
                p.add(WeightTensor.gate("mlp.shared_expert_gate", 1, h, false));
                p.add(WeightTensor.gate("mlp.gate", e, h, false));
                p.add(WeightTensor.experts("mlp.moe_gate_up_proj", e, 2 * mi, h));
                p.add(WeightTensor.experts("mlp.moe_down_proj", e, h, mi));
            }
            case DEEPSEEK -> {
                p.add(WeightTensor.gate("mlp.gate", e, h, false));
                p.add(WeightTensor.experts("mlp.moe_gate_up_proj", e, 2 * mi, h));
                p.add(WeightTensor.experts("mlp.moe_down_proj", e, h, mi));
                if (moe.sharedIntermediateSize() > 0) {
                    // DeepseekMoE passes the already-sharded width times n_shared_experts, and DeepseekMLP
                    // divides by the shard count again (deepseek_model.py)
                    mlp(p, "mlp.shared_experts", h, mi * (moe.sharedIntermediateSize() / moe.intermediateSize()) / s.tp());
                }
            }
            default -> { // mixtral, qwen3_moe, minicpm
                String up = g.family() == ModelFamily.QWEN3_MOE ? "mlp.moe_gate_up_proj" : "moe.e1_e3";
                String down = g.family() == ModelFamily.QWEN3_MOE ? "mlp.moe_down_proj" : "moe.e2";
                p.add(WeightTensor.gate("moe.gate", e, h, false));
                p.add(WeightTensor.experts(up, e, 2 * mi, h));
                p.add(WeightTensor.experts(down, e, h, mi));
            }
        }
    }

    static void mlp(Params p, String prefix, long h, long width) {
        p.linear(prefix + ".gate_up_proj", 2 * width, h, false).linear(prefix + ".down_proj", h, width, false);
    }
}
