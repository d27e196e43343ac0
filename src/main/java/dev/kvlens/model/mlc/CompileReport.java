package dev.kvlens.model.mlc;

import dev.kvlens.model.Mib;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What {@code mlc_llm compile} (and {@code model_metadata --memory-only}) prints about memory, in each
 * era of the report (rules §1.2–§1.3). Values are Python doubles formatted {@code %.2f}.
 *
 * @param era            which format
 * @param paramsBytes    sum of the library's params (one shard, not divided by pipeline stages)
 * @param tempFuncBytes  max over functions of memory_usage (no ×2 at compile time)
 * @param kvCacheBytes   the KVCache field: the legacy nn.KVCache bytes the model file still declared (§1.3), else 0
 * @param kvBytesPerToken the per-token line's bytes, when the config and quantization name allow it: only
 *                        for the registry types whose config dataclass has head_dim, num_hidden_layers and
 *                        num_key_value_heads (rules §1.2, {@link ModelType#printsPerTokenLine()}), with all
 *                        layers and unsharded KV heads (a hybrid model's line counts every layer)
 */
public record CompileReport(Era era, long paramsBytes, long tempFuncBytes, long kvCacheBytes,
                            OptionalInt kvBytesPerToken) {

    /** The report formats MLC has printed. */
    public enum Era {
        /** Since 2025-09-06 (c009bde4): without-KV line, per-token line, 4K line. */
        E2025("2025"),
        /** 2024-05-27 (4538cc72) to 2025-09: the doubled-colon without-KV line. */
        E2024_05("2024-05"),
        /** 2024-01 to 2024-05: one line with "KVCache: 0.00 MB" for paged-KV models. */
        E2024_03("2024-03"),
        /** Early January 2024 (legacy nn.KVCache models): KVCache = window × per-token bytes. */
        E2024_01("2024-01");

        private final String id;

        Era(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Era require(String id) {
            for (Era era : values()) {
                if (era.id.equals(id.trim())) {
                    return era;
                }
            }
            throw new dev.kvlens.text.PhrasedException("model.check.unknownEra", id);
        }
    }

    private static final String TWEAK_HINT =
            "To reduce memory usage, tweak `prefill_chunk_size`, `context_window_size` and `sliding_window_size`";

    /**
     * Builds the report MLC would print for a library in the given era, the legacy KV taken at the era's own
     * date: 2024-01-01 (2761e6ed) for {@link Era#E2024_01}, when every model file of the §1.3 table still
     * declared {@code nn.KVCache}; 2024-03-25 (ab9fa813) for {@link Era#E2024_03}, when none did any more.
     */
    public static CompileReport of(ModelLibrary model, Era era) {
        return of(model, era, era == Era.E2024_01 ? LocalDate.of(2024, 1, 1) : LocalDate.of(2024, 3, 25));
    }

    /**
     * Builds the report MLC would print for a library compiled on a given date in the given era; in the
     * one-line eras (2024-01 → 2024-05-27) "KVCache" is the legacy KV the model file declared then (§1.3 table).
     */
    public static CompileReport of(ModelLibrary model, Era era, LocalDate builtOn) {
        ModelGeometry g = model.geometry();
        OptionalInt perToken = OptionalInt.empty();
        OptionalInt dtypeBytes = kvDtypeBytes(model.quantization().name());
        boolean fields = g.registryType().map(ModelType::printsPerTokenLine).orElse(g.family().configHasKvGeometry());
        if (fields && dtypeBytes.isPresent()) {
            perToken = OptionalInt.of(g.headDim() * g.numHiddenLayers() * g.numKeyValueHeads() * dtypeBytes.getAsInt() * 2);
        }
        long kv = era == Era.E2024_01 || era == Era.E2024_03 ? LegacyKvCache.bytes(model, builtOn) : 0;
        return new CompileReport(era, model.paramsBytes().bytes(), model.tempFuncBytes().bytes(), kv, perToken);
    }

    /**
     * The dtype bytes the per-token line uses: chosen by substring of the quantization name, f32 first (§1.2).
     */
    static OptionalInt kvDtypeBytes(String quantization) {
        String name = quantization.toLowerCase(Locale.ROOT);
        if (name.contains("f32")) {
            return OptionalInt.of(4);
        }
        if (name.contains("bf16") || name.contains("f16")) {
            return OptionalInt.of(2);
        }
        return OptionalInt.empty();
    }

    /** The printed lines, without timestamp prefixes. */
    public List<String> lines() {
        double params = paramsBytes;
        double temp = tempFuncBytes;
        List<String> lines = new ArrayList<>();
        switch (era) {
            case E2025, E2024_05 -> {
                double total = params + temp;
                lines.add("Total memory usage without KV cache" + (era == Era.E2024_05 ? "::" : ":") + " "
                        + mb(total) + " MB (Parameters: " + mb(params) + " MB. Temporary buffer: " + mb(temp) + " MB)");
                if (era == Era.E2025 && kvBytesPerToken.isPresent()) {
                    int perToken = kvBytesPerToken.getAsInt();
                    lines.add("KV cache size: " + mb(perToken) + " MB per token in the context window");
                    lines.add("Total memory usage with a 4K KV cache: " + mb(total + perToken * 4096.0) + " MB");
                }
                lines.add(TWEAK_HINT);
            }
            case E2024_03, E2024_01 -> {
                double total = params + kvCacheBytes + temp;
                lines.add("Total memory usage: " + mb(total) + " MB (Parameters: " + mb(params) + " MB. KVCache: "
                        + mb(kvCacheBytes) + " MB. Temporary buffer: " + mb(temp) + " MB)");
                if (era == Era.E2024_03) {
                    lines.add(TWEAK_HINT);
                }
            }
        }
        return lines;
    }

    private static String mb(double bytes) {
        return Mib.format(bytes, 2);
    }
}
