package dev.kvlens.model.mlc;

import dev.kvlens.model.library.ChatConfigValues;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.PhrasedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model described by a compiled library alone, as MLC's runtime sees it: the runtime estimate needs only the library
 * metadata's {@code kv_cache} geometry (per shard), its limits, its parameter and function bytes, and the vocabulary
 * size (rules §2.1, §3.3–§3.5). The hidden size is taken as head_dim × attention heads, which is what the estimator's
 * model workspace uses (§3.5, H = d × q).
 */
public final class LibraryModels {

    /** gen_config's max_batch_size default before 2024-09-18 (rules §2.2), the era of libraries without the key. */
    static final int PRE_2024_09_MAX_BATCH = 80;

    private LibraryModels() {
    }

    /**
     * A description from metadata.
     *
     * @param notes receives what had to be assumed, in the user's words
     * @throws IllegalArgumentException naming the library and what it lacks
     */
    public static ModelDescription describe(String file, LibraryMetadata m, List<Phrase> notes) {
        String type = m.modelType().orElseThrow(() -> new PhrasedException("model.library.noModelType", file));
        if (ModelFamily.fromModelType(type).usesRnnState()) {
            throw new PhrasedException("model.library.rnnState", file, type);
        }
        KvCacheGeometry kv = m.kvCache().orElseThrow(() -> new PhrasedException("model.library.noKvCache", file));
        long vocab = m.vocabSize().orElseThrow(() -> new PhrasedException("model.library.symbolicVocab", file));
        Quantization scheme = m.quantization().flatMap(Quantization::byName).orElseThrow(() ->
                new PhrasedException("model.library.unknownScheme", file,
                        m.quantization().<Object>map(q -> q).orElse(Phrase.of("model.library.noScheme"))));
        PrintedLog.RegisteredMetadata limits = m.limits();
        int tp = limits.tensorParallelShards().orElse(1);
        int prefill = limits.prefillChunkSize().orElseThrow(() ->
                new PhrasedException("model.library.noPrefill", file));
        int maxBatch = limits.maxBatchSize().orElseGet(() -> assumedMaxBatch(m, notes));
        CompileConfig compile = new CompileConfig(limits.contextWindowSize().orElse(-1), prefill, maxBatch, tp,
                limits.pipelineParallelStages().orElse(1), limits.slidingWindowSize().orElse(-1));
        int heads = kv.numAttentionHeads() * tp;
        ModelGeometry geometry = new ModelGeometry(type, ModelFamily.fromModelType(type), kv.numHiddenLayers(), heads,
                kv.numKeyValueHeads() * tp, kv.headDim(), heads * kv.headDim(), 0, Math.toIntExact(vocab), false, false);
        String name = file.replaceAll("\\.(so|dylib|dll|wasm|tar)$", "");
        return new ModelDescription(name, name, geometry, java.util.Optional.of(scheme), compile,
                ChatConfigValues.matching(compile), file);
    }

    /**
     * Libraries built before 2024-05-29 record no max_batch_size (rules §2.1); today's runtime cannot load them. They were
     * built with gen_config's default of then (80), or with 1, which shows as batch_decode costing what decode costs.
     */
    private static int assumedMaxBatch(LibraryMetadata m, List<Phrase> notes) {
        Map<String, Long> f = m.functionBytes();
        boolean one = f.containsKey("decode") && f.get("decode").equals(f.get("batch_decode"));
        int assumed = one ? 1 : PRE_2024_09_MAX_BATCH;
        notes.add(Phrase.of(one ? "model.library.assumedBatchOne" : "model.library.assumedBatch", String.valueOf(assumed)));
        return assumed;
    }

    /** Convenience for callers that do not collect notes. */
    public static ModelDescription describe(String file, LibraryMetadata m) {
        return describe(file, m, new ArrayList<>());
    }
}
