package dev.kvlens.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether an artifact describes the model it is applied to, so that one model's parameters are never combined with
 * another's KV geometry: the model type (Hugging Face and MLC spellings of one implementation count as one) and the KV
 * cache geometry the library stores per shard (rules §2.1).
 */
public final class SameModel {

    private static final Set<Set<String>> ALIASES = Set.of(
            Set.of("phi", "phi-msft", "mixformer-sequential"),
            Set.of("gemma3", "gemma3_text"),
            Set.of("qwen3_5", "qwen3_5_text"),
            Set.of("chatglm", "chatglm3"),
            Set.of("bert", "bert-bge"));

    private SameModel() {
    }

    /** Why library metadata cannot belong to {@code model}, or empty when it can. */
    public static Optional<String> mismatch(ModelDescription model, LibraryMetadata metadata, String source) {
        Optional<String> type = metadata.modelType().filter(t -> !sameType(t, model.geometry().modelType()));
        int tp = metadata.limits().tensorParallelShards().orElse(model.compile().tensorParallelShards());
        Optional<KvCacheGeometry> kv = metadata.kvCache().filter(k -> tp <= 0
                || model.geometry().numAttentionHeads() % tp != 0 || !k.equals(model.geometry().kvCache(tp)));
        if (type.isEmpty() && kv.isEmpty()) {
            return Optional.empty();
        }
        String theirs = metadata.modelType().orElse("a model") + metadata.kvCache().map(SameModel::describe).orElse("");
        String ours = model.geometry().modelType() + describe(model.geometry().kvCache(Math.max(1, tp)));
        return Optional.of(source + " is " + theirs + ", but " + model.name() + " is " + ours
                + ": they describe different models");
    }

    /** Why a compile log's "Registering metadata" model type cannot belong to {@code model}, or empty. */
    public static Optional<String> mismatch(ModelDescription model, PrintedLog.RegisteredMetadata registered, String source) {
        return registered.modelType().filter(t -> !sameType(t, model.geometry().modelType()))
                .map(t -> source + " was compiled for " + t + ", but " + model.name() + " is "
                        + model.geometry().modelType() + ": they describe different models");
    }

    static boolean sameType(String a, String b) {
        String x = a.trim().toLowerCase(Locale.ROOT);
        String y = b.trim().toLowerCase(Locale.ROOT);
        return x.equals(y) || ALIASES.stream().anyMatch(s -> s.contains(x) && s.contains(y));
    }

    private static String describe(KvCacheGeometry kv) {
        return " (" + kv.numHiddenLayers() + " layers, " + kv.numKeyValueHeads() + " KV heads of " + kv.headDim()
                + " per shard)";
    }
}
