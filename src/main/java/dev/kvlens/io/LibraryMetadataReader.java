package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.mlc.LibraryMetadata;
import dev.kvlens.model.mlc.PrintedLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the metadata JSON that {@code python -m mlc_llm.cli.model_metadata <lib>} prints (rules §2.1): params
 * with shapes and dtypes, {@code memory_usage} per function, {@code kv_cache} and the compile-time limits.
 * Symbolic dimensions ({@code "vocab_size"}) are resolved from the values given.
 */
public final class LibraryMetadataReader {

    private LibraryMetadataReader() {
    }

    /** Whether a JSON document looks like library metadata. */
    public static boolean looksLike(JsonNode root) {
        return root.isObject() && root.has("memory_usage") && (root.has("params") || root.has("kv_cache"));
    }

    /**
     * @param symbols values for symbolic dimensions, e.g. {@code vocab_size → 128256}
     */
    public static LibraryMetadata parse(String sourceName, JsonNode root, Map<String, Long> symbols) {
        JsonFields top = new JsonFields(sourceName, "", root);
        Map<String, Long> functions = new LinkedHashMap<>();
        JsonFields usage = top.object("memory_usage");
        root.get("memory_usage").fieldNames().forEachRemaining(name -> {
            if (functions.size() < 100_000) {
                functions.put(name, usage.requireLong(name, 0, Long.MAX_VALUE / 4));
            }
        });
        List<String> unresolved = new ArrayList<>();
        OptionalLong params = paramsBytes(sourceName, root.path("params"), symbols, unresolved);
        Optional<KvCacheGeometry> kv = Optional.empty();
        if (top.has("kv_cache")) {
            JsonFields k = top.object("kv_cache");
            kv = Optional.of(new KvCacheGeometry(k.requireInt("num_hidden_layers", 1, 1 << 20),
                    k.requireInt("num_attention_heads", 1, 1 << 20), k.requireInt("num_key_value_heads", 1, 1 << 20),
                    k.requireInt("head_dim", 1, 1 << 20)));
        }
        PrintedLog.RegisteredMetadata limits = new PrintedLog.RegisteredMetadata(
                Optional.of(top.optionalString("model_type")).filter(s -> !s.isEmpty()),
                Optional.of(top.optionalString("quantization")).filter(s -> !s.isEmpty()),
                window(top, "context_window_size"), window(top, "sliding_window_size"),
                top.optionalInt("prefill_chunk_size", 1, Integer.MAX_VALUE),
                top.optionalInt("max_batch_size", 1, Integer.MAX_VALUE),
                top.optionalInt("tensor_parallel_shards", 1, 4096),
                top.optionalInt("pipeline_parallel_stages", 1, 4096));
        Optional<String> kind = Optional.of(top.optionalString("kv_state_kind")).filter(k -> !k.isEmpty());
        return new LibraryMetadata(limits.modelType(), limits.quantization(), params, functions, limits, kv, unresolved,
                vocabSize(root.path("params"), symbols), kind);
    }

    private static OptionalInt window(JsonFields fields, String name) {
        OptionalInt value = fields.optionalInt(name, -1, Integer.MAX_VALUE);
        return value.isPresent() && value.getAsInt() == 0 ? OptionalInt.of(-1) : value;
    }

    /** The resolved vocab_size symbol, else the first dimension of the first embedding with a concrete shape. */
    private static OptionalLong vocabSize(JsonNode params, Map<String, Long> symbols) {
        if (symbols.containsKey("vocab_size")) {
            return OptionalLong.of(symbols.get("vocab_size"));
        }
        if (params.isArray()) {
            for (JsonNode param : params) {
                String name = param.path("name").asText("");
                JsonNode first = param.path("shape").path(0);
                if ((name.contains("embed") || name.contains("wte")) && first.isIntegralNumber() && first.asLong() > 0
                        && first.asLong() <= Integer.MAX_VALUE) {
                    return OptionalLong.of(first.asLong());
                }
            }
        }
        return OptionalLong.empty();
    }

    private static OptionalLong paramsBytes(String source, JsonNode params, Map<String, Long> symbols,
                                            List<String> unresolved) {
        if (!params.isArray()) {
            return OptionalLong.empty();
        }
        long total = 0;
        int index = 0;
        for (JsonNode param : params) {
            String field = "params[" + index++ + "]";
            JsonFields p = new JsonFields(source, field, param);
            long bytes = dtypeBytes(p, p.requireString("dtype"));
            JsonNode shape = param.get("shape");
            if (shape == null || !shape.isArray()) {
                throw p.error("shape", "io.shape.notList");
            }
            for (JsonNode dim : shape) {
                long value;
                if (dim.isIntegralNumber() && dim.canConvertToLong() && dim.asLong() >= 0) {
                    value = dim.asLong();
                } else if (dim.isTextual() && symbols.containsKey(dim.asText())) {
                    value = symbols.get(dim.asText());
                } else if (dim.isTextual()) {
                    if (!unresolved.contains(dim.asText())) {
                        unresolved.add(dim.asText());
                    }
                    value = -1;
                } else {
                    throw p.error("shape", "io.shape.badDimension", String.valueOf(dim));
                }
                bytes = value < 0 || bytes < 0 ? -1 : Math.multiplyExact(bytes, value);
            }
            if (bytes >= 0) {
                total = Math.addExact(total, bytes);
            }
        }
        return unresolved.isEmpty() ? OptionalLong.of(total) : OptionalLong.empty();
    }

    private static final java.util.regex.Pattern DTYPE_BITS =
            java.util.regex.Pattern.compile("^(?:b?float|u?int)(\\d{1,3})");

    /** Bytes of one element: the bit count after float/int/uint/bfloat (float8_e4m3fn → 1), rounded up. */
    private static long dtypeBytes(JsonFields p, String dtype) {
        if (dtype.equals("bool")) {
            return 1;
        }
        java.util.regex.Matcher m = DTYPE_BITS.matcher(dtype);
        int bits = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (bits <= 0 || bits > 64) {
            throw p.error("dtype", "io.dtype.unknown", dtype);
        }
        return (bits + 7) / 8;
    }
}
