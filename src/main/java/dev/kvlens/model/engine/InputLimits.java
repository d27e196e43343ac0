package dev.kvlens.model.engine;

import dev.kvlens.model.Device;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.KvStateKind;
import dev.kvlens.model.architecture.ModelGeometry;

import dev.kvlens.text.Phrase;
import dev.kvlens.text.PhrasedException;
import dev.kvlens.text.Phrases;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The one home of the input limits: every value that enters from a file, the command line or saved state is
 * checked against these bounds before a library is built or an estimate formed, so that every product the
 * estimator forms fits in 64 bits. The bounds are far above every real model (largest seen: 126 layers,
 * 128 heads, head_dim 256, hidden 16,384, intermediate 53,248, vocab 256,000, max_batch_size 128).
 *
 * <p>Derivation (powers of two; L layers, q and k heads, d head_dim, h hidden, i intermediate, V vocab,
 * C prefill chunk or any token count, B batch, P bytes), with the bounds
 * L ≤ 2^12, q, k ≤ 2^10, d ≤ 2^11, d·k·L ≤ 2^27, h ≤ 2^18, i ≤ 2^20, V ≤ 2^22, C ≤ 2^31 − 1, B ≤ 2^31 − 1
 * (B ≤ 2^16 for RNN-state models), P ≤ 2^50:
 * <ul>
 *   <li>KV bytes per token (§3.5 step 3) d·k·L·4 ≤ 2^29; the compile report's per-token int d·L·k·4·2 ≤ 2^30
 *       (fits the int it is printed from) and its legacy window KV 2·L·k·d·4·C ≤ 2^61;</li>
 *   <li>kv_aux: (B + 1)·88 &lt; 2^38, C·(q + 1)·8 &lt; 2^45, C·d·(q + k)·4 ≤ 2^31·2^11·2^11·2^2 = 2^55;</li>
 *   <li>model workspace (2·C + B)·d·q·2 &lt; 2^33·2^21·2 = 2^55; logit workspace B·V·16.125 &lt; 2^58 (a double);</li>
 *   <li>server total B·msl &lt; 2^62 (and multiplied exactly); params + 2·temp ≤ 2^50 + 2^51 for given figures;</li>
 *   <li>RNN state (§3.7), with B ≤ 2^16: B·h·L·4 ≤ 2^48 and B·q·d²·L·2 ≤ 2^16·2^10·2^22·2^12·2 = 2^61;</li>
 *   <li>parameter bytes (§5): the widest tensor is (q + 2k)·d × h &lt; 2^23·2^18 = 2^41 elements, at most 32 bytes
 *       an element even for a single group, eight tensors a layer: 2^41·2^5·2^3·2^12 = 2^61 for all layers;</li>
 *   <li>§4.2 heuristic C·(2.5·2i + 8·h)·4 + C·V·4 &lt; 2^57 + 2^55.</li>
 * </ul>
 * Every sum above stays below 2^63 − 1. Tokens stay within int because MLC prints and stores them as int.
 */
public final class InputLimits {

    public static final int MAX_LAYERS = 1 << 12;
    public static final int MAX_HEADS = 1 << 10;
    public static final int MAX_HEAD_DIM = 1 << 11;
    /** d·k·L: head_dim × key-value heads × layers. */
    public static final long MAX_KV_ELEMENTS_PER_TOKEN = 1L << 27;
    public static final int MAX_HIDDEN = 1 << 18;
    public static final int MAX_INTERMEDIATE = 1 << 20;
    public static final int MAX_VOCAB = 1 << 22;
    /** Context window, prefill chunk, sliding window, capacity: MLC keeps them in int. */
    public static final int MAX_TOKENS = Integer.MAX_VALUE;
    /** max_batch_size and max_num_sequence (MLC keeps them in int). */
    public static final int MAX_BATCH = Integer.MAX_VALUE;
    /** The batch of RNN-state (RWKV) models, whose state grows with B·q·d²·L. */
    public static final int MAX_RNN_BATCH = 1 << 16;
    public static final int MAX_SHARDS = 4096;
    /** Parameter, temporary-buffer and device bytes: 1 PiB. */
    public static final long MAX_BYTES = 1L << 50;
    /** The same in MiB (MLC's "MB"). */
    public static final BigDecimal MAX_MIB = BigDecimal.valueOf(MAX_BYTES >> 20);

    /**
     * A value out of bounds.
     *
     * @param field  the config's name of the field
     * @param what   what is wrong, with the bound, for people in any language
     */
    public record Violation(String field, Phrase what) {
        /** What is wrong, in English (the readers' messages). */
        public String problem() {
            return Phrases.format(Locale.ENGLISH, what);
        }

        /** "field 'x' is …", in any language. */
        public Phrase phrase() {
            return Phrase.of("model.limits.message", field, what);
        }

        /** "field 'x' is …", in English. */
        public String message() {
            return Phrases.format(Locale.ENGLISH, phrase());
        }
    }

    private InputLimits() {
    }

    /** The first value of a model description out of bounds, if any. */
    public static Optional<Violation> check(ModelDescription d) {
        ModelGeometry g = d.geometry();
        Optional<Violation> v = first(
                range("num_hidden_layers", g.numHiddenLayers(), MAX_LAYERS),
                range("num_attention_heads", g.numAttentionHeads(), MAX_HEADS),
                range("num_key_value_heads", g.numKeyValueHeads(), MAX_HEADS),
                // a model without KV state (Medusa) carries its hidden size as a placeholder head_dim
                range("head_dim", g.headDim(), g.kvStateKind() == KvStateKind.NONE ? MAX_HIDDEN : MAX_HEAD_DIM),
                range("hidden_size", g.hiddenSize(), MAX_HIDDEN),
                range("intermediate_size", g.intermediateSize(), MAX_INTERMEDIATE),
                range("vocab_size", g.vocabSize(), MAX_VOCAB));
        if (v.isPresent()) {
            return v;
        }
        long kvElements = (long) g.headDim() * g.numKeyValueHeads() * g.numHiddenLayers();
        if (kvElements > MAX_KV_ELEMENTS_PER_TOKEN) {
            return Optional.of(new Violation("head_dim", Phrase.of("model.limits.kvElements", String.valueOf(kvElements),
                    String.valueOf(MAX_KV_ELEMENTS_PER_TOKEN))));
        }
        return check(d.compile());
    }

    /** The first compile-time value out of bounds, if any. */
    public static Optional<Violation> check(CompileConfig c) {
        return first(
                range("max_batch_size", c.maxBatchSize(), MAX_BATCH),
                range("tensor_parallel_shards", c.tensorParallelShards(), MAX_SHARDS),
                range("pipeline_parallel_stages", c.pipelineParallelStages(), MAX_SHARDS));
    }

    /**
     * The first value of a scenario as the user chose it out of bounds, if any: model, byte figures, device, engine
     * overrides ({@code ScenarioSpec.limitViolation()}).
     */
    public static Optional<Violation> check(ModelDescription model, Optional<ByteFigure> paramsBytes,
                                            Optional<ByteFigure> tempFuncBytes, Device device, EngineOverrides overrides) {
        Optional<Violation> described = check(model);
        if (described.isPresent()) {
            return described;
        }
        return first(
                paramsBytes.flatMap(f -> bytes("params", f.bytes())),
                tempFuncBytes.flatMap(f -> bytes("memory_usage", f.bytes())),
                bytes("total_global_memory", device.totalGlobalMemoryBytes()),
                rnnBatch(model.geometry(), model.compile(), overrides));
    }

    /** The same for a library as the estimator sees it (the last line of defence). */
    public static Optional<Violation> check(Scenario s) {
        ModelLibrary m = s.model();
        ModelDescription d = new ModelDescription(m.name(), m.name(), m.geometry(), Optional.of(m.quantization()),
                m.compile(), m.chatConfig(), m.name());
        return first(check(d), bytes("params", m.paramsBytes().bytes()),
                m.tempFuncBytes().provenance() == ByteFigure.Provenance.GIVEN
                        ? bytes("memory_usage", m.tempFuncBytes().bytes()) : Optional.empty(),
                bytes("total_global_memory", s.device().totalGlobalMemoryBytes()),
                rnnBatch(m.geometry(), m.compile(), s.engine().overrides()));
    }

    private static Optional<Violation> rnnBatch(ModelGeometry g, CompileConfig c, EngineOverrides o) {
        if (!g.family().usesRnnState()) {
            return Optional.empty();
        }
        return first(range("max_batch_size", c.maxBatchSize(), MAX_RNN_BATCH), o.maxNumSequence().isPresent()
                ? range("max_num_sequence", o.maxNumSequence().getAsLong(), MAX_RNN_BATCH) : Optional.empty());
    }

    /** A byte count in bounds (0 allowed). */
    public static Optional<Violation> bytes(String field, long bytes) {
        if (bytes < 0) {
            return Optional.of(new Violation(field, Phrase.of("model.limits.negative", String.valueOf(bytes))));
        }
        return bytes > MAX_BYTES
                ? Optional.of(new Violation(field, Phrase.of("model.limits.bytes", String.valueOf(bytes),
                        String.valueOf(MAX_BYTES))))
                : Optional.empty();
    }

    /** A MiB figure (MLC's "MB") in bounds. */
    public static Optional<Violation> mib(String field, BigDecimal mib) {
        if (mib.signum() < 0) {
            return Optional.of(new Violation(field, Phrase.of("model.limits.negativeMib", mib.toPlainString())));
        }
        return mib.compareTo(MAX_MIB) > 0
                ? Optional.of(new Violation(field, Phrase.of("model.limits.mib", mib.toPlainString(),
                        MAX_MIB.toString())))
                : Optional.empty();
    }

    /** Throws a {@link PhrasedException} (an IllegalArgumentException) with the violation's message. */
    public static void require(Optional<Violation> violation) {
        violation.ifPresent(v -> {
            throw new PhrasedException(v.phrase());
        });
    }

    private static Optional<Violation> range(String field, long value, long max) {
        return value > max ? Optional.of(new Violation(field, Phrase.of("model.limits.range",
                String.valueOf(value), String.valueOf(max))))
                : Optional.empty();
    }

    @SafeVarargs
    private static Optional<Violation> first(Optional<Violation>... checks) {
        for (Optional<Violation> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }
}
