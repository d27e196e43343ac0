package dev.kvlens.model.architecture;

/**
 * The library metadata's {@code kv_cache} entry: heads are per tensor-parallel shard, layers are all
 * layers (rules §2.1).
 */
public record KvCacheGeometry(int numHiddenLayers, int numAttentionHeads, int numKeyValueHeads, int headDim) {
}
