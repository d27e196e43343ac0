package dev.kvlens.model.library;

import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import dev.kvlens.model.layout.Layouts;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters MLC-LLM's model implementations declare, per tensor-parallel shard (rules §1.1, §5, §10):
 * layers are built with heads and MLP width divided by the shard count; embedding, lm_head and norms
 * are replicated. The per-family module trees live in {@code model.layout}.
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
        List<Layouts.Counted> counted = counted(g, tensorParallelShards);
        List<WeightTensor> all = new ArrayList<>();
        for (Layouts.Counted c : counted) {
            for (long n = 0; n < c.times(); n++) {
                all.add(c.tensor());
            }
        }
        return all;
    }

    /** One shard's distinct parameters with their multiplicities (identical layers once). */
    public static List<Layouts.Counted> counted(ModelGeometry g, int tensorParallelShards) {
        checkSplit(g, tensorParallelShards);
        return Layouts.of(g, tensorParallelShards);
    }

    private static void checkSplit(ModelGeometry g, int tp) {
        if (tp <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.positive", "tensor_parallel_shards", String.valueOf(tp));
        }
        if (g.numAttentionHeads() % tp != 0 || g.numKeyValueHeads() % tp != 0) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", "Cannot split " + g.numAttentionHeads() + " attention heads ("
                    + g.numKeyValueHeads() + " key-value heads) evenly to " + tp + " GPUs.");
        }
        if (g.intermediateSize() % tp != 0) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", 
                    "Cannot split MLP intermediate size " + g.intermediateSize() + " evenly to " + tp + " GPUs.");
        }
        ArchitectureDetails.Moe moe = g.details().moe();
        if (moe != null && moe.intermediateSize() % tp != 0) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", 
                    "Cannot split MoE intermediate size " + moe.intermediateSize() + " evenly to " + tp + " GPUs.");
        }
    }
}
