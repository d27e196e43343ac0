package dev.kvlens.model.planner;

import java.util.Objects;

/**
 * Everything §4.3 needs to replay MLC's static memory planner for one build, unsharded as the config states it
 * (the planner divides by {@code tensorParallelShards}, rules §4.3.3).
 *
 * @param modelType            the config's {@code model_type} (MLC's registry name, rules §10)
 * @param hiddenSize           h
 * @param intermediateSize     I
 * @param numAttentionHeads    q heads
 * @param numKeyValueHeads     kv heads
 * @param headDim              d
 * @param vocabSize            V
 * @param numHiddenLayers      layers
 * @param tieWordEmbeddings    whether the head is the embedding (decides phi3's logits, §1.1)
 * @param activationBytes      a: 2 for {@code *f16*}/{@code *bf16*} schemes, 4 for {@code *f32*}
 * @param prefillChunkSize     S, the compile-time {@code prefill_chunk_size}
 * @param maxBatchSize         B, the compile-time {@code max_batch_size}
 * @param tensorParallelShards TP
 * @param target               the compile target
 * @param maxThreadsPerBlock   the target's max(max_num_threads, max_threads_per_block); 0 for
 *                             {@link PlannerTarget#defaultThreads()}
 * @param functions            which functions the build has
 * @param earlyQ4Phi           a Phi q4 build of WebLLM ≤ v0.2.34 or of the early-2024 folders (§4.3.3)
 */
public record PlannerInput(String modelType, int hiddenSize, int intermediateSize, int numAttentionHeads,
                           int numKeyValueHeads, int headDim, int vocabSize, int numHiddenLayers,
                           boolean tieWordEmbeddings, int activationBytes, int prefillChunkSize, int maxBatchSize,
                           int tensorParallelShards, PlannerTarget target, int maxThreadsPerBlock,
                           BuildFunctions functions, boolean earlyQ4Phi) {

    public PlannerInput {
        Objects.requireNonNull(modelType, "modelType");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(functions, "functions");
        positive("hidden_size", hiddenSize);
        positive("intermediate_size", intermediateSize);
        positive("num_attention_heads", numAttentionHeads);
        positive("num_key_value_heads", numKeyValueHeads);
        positive("head_dim", headDim);
        positive("vocab_size", vocabSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("prefill_chunk_size", prefillChunkSize);
        positive("max_batch_size", maxBatchSize);
        positive("tensor_parallel_shards", tensorParallelShards);
        if (activationBytes != 2 && activationBytes != 4) {
            throw new IllegalArgumentException("activation bytes must be 2 or 4, got " + activationBytes);
        }
        if (maxThreadsPerBlock < 0) {
            throw new IllegalArgumentException("max_threads_per_block must not be negative, got " + maxThreadsPerBlock);
        }
    }

    /** TX of FuseAddRMSNorm: min(1024, the target's thread limit) (§4.3.2). */
    int fuseThreads() {
        return Math.min(1024, maxThreadsPerBlock > 0 ? maxThreadsPerBlock : target.defaultThreads());
    }

    public PlannerInput withPrefillChunkSize(int value) {
        return new PlannerInput(modelType, hiddenSize, intermediateSize, numAttentionHeads, numKeyValueHeads,
                headDim, vocabSize, numHiddenLayers, tieWordEmbeddings, activationBytes, value, maxBatchSize,
                tensorParallelShards, target, maxThreadsPerBlock, functions, earlyQ4Phi);
    }

    public PlannerInput withMaxBatchSize(int value) {
        return new PlannerInput(modelType, hiddenSize, intermediateSize, numAttentionHeads, numKeyValueHeads,
                headDim, vocabSize, numHiddenLayers, tieWordEmbeddings, activationBytes, prefillChunkSize, value,
                tensorParallelShards, target, maxThreadsPerBlock, functions, earlyQ4Phi);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
