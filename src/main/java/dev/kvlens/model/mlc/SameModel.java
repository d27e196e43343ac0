package dev.kvlens.model.mlc;

import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;

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

    /**
     * Two descriptions of different models.
     *
     * @param source     the artifact
     * @param theirType  the model type the artifact names
     * @param theirKv    the KV geometry the artifact stores, if it stores one
     * @param ourName    the current model's name
     * @param ourType    the current model's type
     * @param ourKv      the current model's KV geometry per shard, when the artifact has one to compare
     */
    public record Mismatch(String source, String theirType, Optional<KvCacheGeometry> theirKv, String ourName,
                           String ourType, Optional<KvCacheGeometry> ourKv) {

        /** "X is qwen (…), but Y is llama (…)": the two models side by side (the window's notes). */
        public Phrase comparison() {
            return Phrase.of("import.note.mismatch", source, describe(theirType, theirKv), ourName,
                    describe(ourType, ourKv));
        }

        /** The whole sentence: "X was compiled for T" when X stores no KV geometry, and that they differ. */
        public Phrase phrase() {
            return Phrase.of("model.sameModel.differ", theirKv.isEmpty()
                    ? Phrase.of("model.sameModel.compiledFor", source, theirType, ourName, ourType) : comparison());
        }

        /** The CLI's line. */
        public String english() {
            return Phrases.format(Locale.ENGLISH, phrase());
        }
    }

    private SameModel() {
    }

    /** Why library metadata cannot belong to {@code model}, or empty when it can. */
    public static Optional<Mismatch> mismatch(ModelDescription model, LibraryMetadata metadata, String source) {
        Optional<String> type = metadata.modelType().filter(t -> !sameType(t, model.geometry().modelType()));
        int tp = metadata.limits().tensorParallelShards().orElse(model.compile().tensorParallelShards());
        boolean splits = tp > 0 && model.geometry().numAttentionHeads() % tp == 0;
        Optional<KvCacheGeometry> kv = metadata.kvCache().filter(k -> !splits || !k.equals(model.geometry().kvCache(tp)));
        if (type.isEmpty() && kv.isEmpty()) {
            return Optional.empty();
        }
        KvCacheGeometry theirs = metadata.kvCache().orElse(null);
        return Optional.of(new Mismatch(source, metadata.modelType().orElse("a model"), Optional.ofNullable(theirs),
                model.name(), model.geometry().modelType(),
                Optional.ofNullable(theirs).map(k -> model.geometry().kvCache(splits ? tp : 1))));
    }

    /** Why a compile log's "Registering metadata" model type cannot belong to {@code model}, or empty. */
    public static Optional<Mismatch> mismatch(ModelDescription model, PrintedLog.RegisteredMetadata registered, String source) {
        return registered.modelType().filter(t -> !sameType(t, model.geometry().modelType()))
                .map(t -> new Mismatch(source, t, Optional.empty(), model.name(), model.geometry().modelType(),
                        Optional.empty()));
    }

    static boolean sameType(String a, String b) {
        String x = a.trim().toLowerCase(Locale.ROOT);
        String y = b.trim().toLowerCase(Locale.ROOT);
        return x.equals(y) || ALIASES.stream().anyMatch(s -> s.contains(x) && s.contains(y));
    }

    private static Object describe(String type, Optional<KvCacheGeometry> kv) {
        return kv.<Object>map(k -> Phrase.of("import.note.geometry", type, String.valueOf(k.numHiddenLayers()),
                String.valueOf(k.numKeyValueHeads()), String.valueOf(k.headDim()))).orElse(type);
    }
}
