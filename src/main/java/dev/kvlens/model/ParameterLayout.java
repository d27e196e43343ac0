package dev.kvlens.model;

import java.util.ArrayList;
import java.util.List;

import static dev.kvlens.model.WeightTensor.embedding;
import static dev.kvlens.model.WeightTensor.finalFc;
import static dev.kvlens.model.WeightTensor.linear;
import static dev.kvlens.model.WeightTensor.linearF32Out;
import static dev.kvlens.model.WeightTensor.vector;
import static dev.kvlens.model.WeightTensor.vectorF32;

/**
 * The parameters MLC-LLM's model implementations declare, per tensor-parallel shard (rules §1.1, §5):
 * layers are built with heads and MLP width divided by the shard count; embedding, lm_head and norms
 * are replicated.
 */
public final class ParameterLayout {

    private ParameterLayout() {
    }

    /**
     * Lists one shard's parameters.
     *
     * @throws IllegalArgumentException when the family's layout is unknown or the shapes do not split
     */
    public static List<WeightTensor> tensors(ModelGeometry g, int tensorParallelShards) {
        checkSplit(g, tensorParallelShards);
        return switch (g.family()) {
            case GPT_NEOX -> gptNeoX(g, tensorParallelShards);
            case PHI -> phi(g, tensorParallelShards);
            case LLAMA, MISTRAL, QWEN2, QWEN3, PHI3, GEMMA, GEMMA2 -> gatedDecoder(g, tensorParallelShards);
            case RWKV, UNKNOWN -> throw new IllegalArgumentException("KV Lens does not know the parameter layout of model_type '"
                    + g.modelType() + "'; give the parameter size (--params-bytes or --params-mib)");
        };
    }

    /** Llama-style decoders: fused qkv, fused gate/up MLP, RMS norms. */
    private static List<WeightTensor> gatedDecoder(ModelGeometry g, int tp) {
        ModelFamily family = g.family();
        long h = g.hiddenSize();
        long d = g.headDim();
        long q = g.numAttentionHeads() / tp;
        long kv = g.numKeyValueHeads() / tp;
        long i = g.intermediateSize() / tp;
        boolean qkvBias = family == ModelFamily.QWEN2 || (family == ModelFamily.QWEN3 && g.attentionBias());
        boolean oBias = family == ModelFamily.QWEN3 && g.attentionBias();
        int normsPerLayer = family == ModelFamily.GEMMA2 ? 4 : 2;

        List<WeightTensor> layer = new ArrayList<>();
        layer.add(linear("qkv_proj", (q + 2 * kv) * d, h));
        if (qkvBias) {
            layer.add(vector("qkv_proj.bias", (q + 2 * kv) * d));
        }
        layer.add(linear("o_proj", h, q * d));
        if (oBias) {
            layer.add(vector("o_proj.bias", h));
        }
        if (family == ModelFamily.QWEN3) {
            layer.add(vector("q_norm", d));
            layer.add(vector("k_norm", d));
        }
        layer.add(linear("gate_up_proj", 2 * i, h));
        layer.add(linear("down_proj", h, i));
        for (int n = 0; n < normsPerLayer; n++) {
            layer.add(vector("layernorm." + n, h));
        }

        List<WeightTensor> all = repeat(layer, g.numHiddenLayers());
        all.add(embedding("embed_tokens", g.vocabSize(), h));
        all.add(vector("norm", h));
        boolean tied = switch (family) {
            case GEMMA, GEMMA2 -> true;
            case MISTRAL -> false;
            default -> g.tieWordEmbeddings();
        };
        if (!tied) {
            all.add(finalFc("lm_head", g.vocabSize(), h));
        }
        return all;
    }

    /** GPT-NeoX (RedPajama, Pythia): biased projections, LayerNorms, MLP with f32 output and f32 biases. */
    private static List<WeightTensor> gptNeoX(ModelGeometry g, int tp) {
        long h = g.hiddenSize();
        long qd = (long) g.numAttentionHeads() / tp * g.headDim();
        long i = g.intermediateSize() / tp;
        List<WeightTensor> layer = new ArrayList<>(List.of(
                vector("input_layernorm.weight", h), vector("input_layernorm.bias", h),
                vector("post_attention_layernorm.weight", h), vector("post_attention_layernorm.bias", h),
                linear("query_key_value", 3 * qd, h), vector("query_key_value.bias", 3 * qd),
                linear("dense", h, qd), vector("dense.bias", h),
                linearF32Out("dense_h_to_4h", i, h), vectorF32("dense_h_to_4h.bias", i),
                linearF32Out("dense_4h_to_h", h, i), vectorF32("dense_4h_to_h.bias", h)));
        List<WeightTensor> all = repeat(layer, g.numHiddenLayers());
        all.add(embedding("embed_in", g.vocabSize(), h));
        all.add(vector("final_layer_norm.weight", h));
        all.add(vector("final_layer_norm.bias", h));
        all.add(finalFc("embed_out", g.vocabSize(), h));
        return all;
    }

    /** Phi-1/Phi-2 (phi-msft): parallel block with one LayerNorm, biased projections, lm_head with its own norm. */
    private static List<WeightTensor> phi(ModelGeometry g, int tp) {
        long h = g.hiddenSize();
        long d = g.headDim();
        long q = g.numAttentionHeads() / tp;
        long kv = g.numKeyValueHeads() / tp;
        long i = g.intermediateSize() / tp;
        List<WeightTensor> layer = new ArrayList<>(List.of(
                vector("ln.weight", h), vector("ln.bias", h),
                linear("mixer.Wqkv", (q + 2 * kv) * d, h), vector("mixer.Wqkv.bias", (q + 2 * kv) * d),
                linear("mixer.out_proj", h, q * d), vector("mixer.out_proj.bias", h),
                linear("mlp.fc1", i, h), vector("mlp.fc1.bias", i),
                linear("mlp.fc2", h, i), vector("mlp.fc2.bias", h)));
        List<WeightTensor> all = repeat(layer, g.numHiddenLayers());
        all.add(embedding("embd.wte", g.vocabSize(), h));
        all.add(vector("lm_head.ln.weight", h));
        all.add(vector("lm_head.ln.bias", h));
        all.add(finalFc("lm_head.linear", g.vocabSize(), h));
        all.add(vector("lm_head.linear.bias", g.vocabSize()));
        return all;
    }

    private static List<WeightTensor> repeat(List<WeightTensor> layer, int times) {
        List<WeightTensor> all = new ArrayList<>(layer.size() * times + 8);
        for (int n = 0; n < times; n++) {
            all.addAll(layer);
        }
        return all;
    }

    private static void checkSplit(ModelGeometry g, int tp) {
        if (tp <= 0) {
            throw new IllegalArgumentException("tensor_parallel_shards must be positive, got " + tp);
        }
        if (g.numAttentionHeads() % tp != 0 || g.numKeyValueHeads() % tp != 0) {
            throw new IllegalArgumentException("Cannot split " + g.numAttentionHeads() + " attention heads ("
                    + g.numKeyValueHeads() + " key-value heads) evenly to " + tp + " GPUs.");
        }
        if (g.intermediateSize() % tp != 0) {
            throw new IllegalArgumentException(
                    "Cannot split MLP intermediate size " + g.intermediateSize() + " evenly to " + tp + " GPUs.");
        }
    }
}
