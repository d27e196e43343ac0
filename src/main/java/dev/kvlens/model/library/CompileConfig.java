package dev.kvlens.model.library;

/**
 * The compile-time limits stored in a model library's metadata (rules §2.1), i.e. what
 * {@code mlc_llm gen_config}/{@code compile} were given.
 *
 * @param contextWindowSize       {@code context_window_size}; -1 when the model has none (sliding window only)
 * @param prefillChunkSize        {@code prefill_chunk_size}: bounds {@code seq_len}, drives the temporary buffer;
 *                                -1 only for Medusa heads (MedusaConfig's default, rules §3.8)
 * @param maxBatchSize            {@code max_batch_size}: the server-mode batch (128 since 2024-09, 80 before)
 * @param tensorParallelShards    GPUs the layers are split over
 * @param pipelineParallelStages  pipeline stages (params and KV layers divided at runtime)
 * @param slidingWindowSize       {@code sliding_window_size}; -1 when none
 */
public record CompileConfig(
        int contextWindowSize,
        int prefillChunkSize,
        int maxBatchSize,
        int tensorParallelShards,
        int pipelineParallelStages,
        int slidingWindowSize) {

    /** gen_config's default {@code max_batch_size} since 2024-09-18 (66fd62df). */
    public static final int DEFAULT_MAX_BATCH_SIZE = 128;

    public CompileConfig {
        if (contextWindowSize == 0 || contextWindowSize < -1) {
            throw new dev.kvlens.text.PhrasedException("model.check.positiveOrNone", "context_window_size",
                    String.valueOf(contextWindowSize));
        }
        if (prefillChunkSize == 0 || prefillChunkSize < -1) {
            throw new dev.kvlens.text.PhrasedException("model.check.positiveOrMedusa", "prefill_chunk_size",
                    String.valueOf(prefillChunkSize));
        }
        if (maxBatchSize <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.positive", "max_batch_size", String.valueOf(maxBatchSize));
        }
        if (tensorParallelShards <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.positive", "tensor_parallel_shards", String.valueOf(tensorParallelShards));
        }
        if (pipelineParallelStages <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.positive", "pipeline_parallel_stages", String.valueOf(pipelineParallelStages));
        }
        if (slidingWindowSize == 0 || slidingWindowSize < -1) {
            throw new dev.kvlens.text.PhrasedException("model.check.positiveOrNone", "sliding_window_size",
                    String.valueOf(slidingWindowSize));
        }
    }

    /** gen_config-like limits for a context window: prefill min(context, 8192), batch 128, one GPU. */
    public static CompileConfig defaultsFor(int contextWindowSize) {
        return new CompileConfig(contextWindowSize, Math.min(contextWindowSize, 8192), DEFAULT_MAX_BATCH_SIZE, 1, 1, -1);
    }

    public CompileConfig withContextWindowSize(int value) {
        return new CompileConfig(value, prefillChunkSize, maxBatchSize, tensorParallelShards, pipelineParallelStages,
                slidingWindowSize);
    }

    public CompileConfig withPrefillChunkSize(int value) {
        return new CompileConfig(contextWindowSize, value, maxBatchSize, tensorParallelShards, pipelineParallelStages,
                slidingWindowSize);
    }

    public CompileConfig withMaxBatchSize(int value) {
        return new CompileConfig(contextWindowSize, prefillChunkSize, value, tensorParallelShards,
                pipelineParallelStages, slidingWindowSize);
    }

    public CompileConfig withTensorParallelShards(int value) {
        return new CompileConfig(contextWindowSize, prefillChunkSize, maxBatchSize, value, pipelineParallelStages,
                slidingWindowSize);
    }

    public CompileConfig withPipelineParallelStages(int value) {
        return new CompileConfig(contextWindowSize, prefillChunkSize, maxBatchSize, tensorParallelShards, value,
                slidingWindowSize);
    }
}
