package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * RWKV5 and RWKV6 (rules §3.7, §10). Their {@code to()} keeps {@code time_decay}, {@code time_faaaa} and
 * the {@code ln_x} GroupNorm in f32; the mixing vectors follow the model dtype. The attention's
 * {@code gate} is an [h, h] linear, too wide to count as an MoE gate, so it is quantized.
 */
final class RwkvLayouts {

    private RwkvLayouts() {
    }

    static List<Layouts.Counted> of(ModelGeometry g) {
        boolean v6 = g.modelType().contains("6");
        long h = g.hiddenSize();
        long heads = g.numAttentionHeads();
        long headSize = g.headDim();
        Params layer = new Params().layerNorm("ln1", h).layerNorm("ln2", h);
        if (v6) {
            long mix = h == 4096 ? 64 : 32;
            long decay = h == 4096 ? 128 : 64;
            for (String name : List.of("x", "w", "k", "v", "r", "g")) {
                layer.add(WeightTensor.vector("attention.time_maa_" + name, h));
            }
            layer.add(WeightTensor.vector("attention.time_maa_w1", h * 5 * mix))
                    .add(WeightTensor.vector("attention.time_maa_w2", 5 * mix * h))
                    .add(WeightTensor.vector("attention.time_decay_w1", h * decay))
                    .add(WeightTensor.vector("attention.time_decay_w2", decay * h))
                    .add(WeightTensor.vectorF32("attention.time_decay", h));
        } else {
            layer.add(WeightTensor.vectorF32("attention.time_decay", heads * headSize));
            for (String name : List.of("gate", "key", "value", "receptance")) {
                layer.add(WeightTensor.vector("attention.time_mix_" + name, h));
            }
        }
        layer.add(WeightTensor.vectorF32("attention.time_faaaa", heads * headSize))
                .linear("attention.key", h, h, false).linear("attention.value", h, h, false)
                .linear("attention.receptance", h, h, false)
                .add(WeightTensor.gate("attention.gate", h, h, false))
                .linear("attention.output", h, h, false)
                .add(WeightTensor.vectorF32("attention.ln_x.weight", h))
                .add(WeightTensor.vectorF32("attention.ln_x.bias", h));
        long inner = v6 ? h / 2 * 7 : g.intermediateSize();
        layer.add(WeightTensor.vector("feed_forward.time_" + (v6 ? "maa_k" : "mix_key"), h))
                .add(WeightTensor.vector("feed_forward.time_" + (v6 ? "maa_r" : "mix_receptance"), h))
                .linear("feed_forward.key", inner, h, false)
                .linear("feed_forward.receptance", h, h, false)
                .linear("feed_forward.value", h, inner, false);
        // pre_ln exists on layer 0 only
        Params all = new Params().embedding("embeddings", g.vocabSize(), h).layerNorm("pre_ln", h)
                .repeat(layer, g.numHiddenLayers());
        return all.layerNorm("ln_out", h).finalFc("head", g.vocabSize(), h).entries();
    }
}
