package dev.kvlens.model.mlc;

import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;

import java.time.LocalDate;

/**
 * The legacy per-context KV that compile reports of 2024-01-01 → 2024-05-27 printed as "KVCache" (rules §1.3
 * table, §6 "compile log, legacy KV"): the {@code nn.KVCache} modules a model file still declared, even after it
 * had moved to the PagedKVCache, sized as window × layers × (k heads + v heads) × head_dim × model-dtype bytes.
 * A model file that declared none reports 0.
 */
final class LegacyKvCache {

    private LegacyKvCache() {
    }

    /**
     * The legacy KV bytes of a library built on a date.
     *
     * @param builtOn the date of the mlc-llm commit the library was compiled with
     */
    static long bytes(ModelLibrary model, LocalDate builtOn) {
        ModelGeometry g = model.geometry();
        ModelType type = g.registryType().orElse(null);
        if (type == null || !builtOn.isBefore(declaredUntil(type))) {
            return 0;
        }
        CompileConfig c = model.compile();
        int shards = c.tensorParallelShards();
        long kHeads = g.numKeyValueHeads() / shards;
        // qwen2's v_cache used num_attention_heads (§1.3).
        long vHeads = type == ModelType.QWEN2 ? g.numAttentionHeads() / shards : kHeads;
        // Mistral's RollingKVCacheWithSinks (and mixtral's copy of it until 1070435c) spans the sliding window
        // when there is one; every other legacy cache spans the context window.
        boolean rolling = type == ModelType.MISTRAL || (type == ModelType.MIXTRAL && builtOn.isBefore(MIXTRAL_LLAMA_CACHE));
        long window = rolling && c.slidingWindowSize() > 0 ? c.slidingWindowSize() : Math.max(c.contextWindowSize(), 0);
        return window * g.numHiddenLayers() * (kHeads + vHeads) * g.headDim() * model.quantization().modelDtypeBytes();
    }

    /** 1070435c: mixtral switched from Mistral's rolling cache to Llama's. */
    private static final LocalDate MIXTRAL_LLAMA_CACHE = LocalDate.of(2024, 1, 30);

    /** The first day a model file declared no {@code nn.KVCache} any more (§1.3 table); the epoch for "never". */
    static LocalDate declaredUntil(ModelType type) {
        return switch (type) {
            case LLAMA, MIXTRAL -> LocalDate.of(2024, 2, 1);      // 370dcbff
            case MISTRAL -> LocalDate.of(2024, 3, 16);            // edffce44
            case GPT_NEOX -> LocalDate.of(2024, 2, 22);           // fb4c52c7
            case BAICHUAN -> LocalDate.of(2024, 2, 28);           // 52d002fd
            case PHI, PHI_MSFT -> LocalDate.of(2024, 3, 3);       // 731616e9
            case GPT2, GPT_BIGCODE, QWEN, STABLELM -> LocalDate.of(2024, 3, 7); // 88ac813c
            case QWEN2 -> LocalDate.of(2024, 3, 25);              // ab9fa813
            default -> LocalDate.EPOCH;
        };
    }
}
