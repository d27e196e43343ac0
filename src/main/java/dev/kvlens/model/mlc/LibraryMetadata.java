package dev.kvlens.model.mlc;

import dev.kvlens.model.architecture.KvCacheGeometry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a compiled library's {@code _metadata} says (rules §2.1), as printed by
 * {@code python -m mlc_llm.cli.model_metadata <lib>}: exact parameter bytes and per-function temporary bytes,
 * the KV-cache geometry and the compile-time limits.
 *
 * @param paramsBytes     Σ params (empty when a symbolic dimension could not be resolved)
 * @param functionBytes   {@code memory_usage}: bytes per Relax function
 * @param limits          context window, prefill chunk, max batch, shards, stages, sliding window
 * @param kvCache         the {@code kv_cache} entry (per shard), if present
 * @param unresolved      symbolic dimensions that had no value
 * @param vocabSize       the vocabulary size the params give: the resolved {@code vocab_size} symbol, or the rows of
 *                        an embedding whose shape is concrete
 * @param kvStateKind     {@code kv_state_kind} ({@code kv_cache}, {@code rnn_state}, {@code hybrid}, {@code none});
 *                        absent in libraries built before 2024-05-14
 */
public record LibraryMetadata(Optional<String> modelType, Optional<String> quantization, OptionalLong paramsBytes,
                              Map<String, Long> functionBytes, PrintedLog.RegisteredMetadata limits,
                              Optional<KvCacheGeometry> kvCache, List<String> unresolved, OptionalLong vocabSize,
                              Optional<String> kvStateKind) {

    public LibraryMetadata {
        functionBytes = Map.copyOf(functionBytes);
        unresolved = List.copyOf(unresolved);
    }

    public LibraryMetadata(Optional<String> modelType, Optional<String> quantization, OptionalLong paramsBytes,
                           Map<String, Long> functionBytes, PrintedLog.RegisteredMetadata limits,
                           Optional<KvCacheGeometry> kvCache, List<String> unresolved) {
        this(modelType, quantization, paramsBytes, functionBytes, limits, kvCache, unresolved, OptionalLong.empty(),
                Optional.empty());
    }

    /** The compile-time temporary buffer: the largest function's bytes. */
    public OptionalLong tempFuncBytes() {
        return functionBytes.values().stream().mapToLong(Long::longValue).max();
    }
}
