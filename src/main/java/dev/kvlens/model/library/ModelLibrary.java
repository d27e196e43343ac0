package dev.kvlens.model.library;

import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;

import dev.kvlens.model.planner.PlannerTarget;

import java.util.Objects;

/**
 * Everything the MLC runtime knows about one compiled model: its geometry and quantization, the
 * compile-time limits in the library metadata, the chat-config values, and the two byte counts the
 * metadata carries — parameters and the largest per-function temporary buffer (rules §1.1, §3.4).
 *
 * @param name           a label for people
 * @param geometry       the architecture
 * @param quantization   the weight scheme
 * @param compile        compile-time limits
 * @param chatConfig     runtime values from mlc-chat-config.json
 * @param paramsBytes    per-shard parameter bytes, before the runtime's division by pipeline stages
 * @param tempFuncBytes  max over functions of {@code memory_usage}, before the runtime's ×2
 * @param target         the compile target, which decides how an unmeasured temporary buffer is estimated
 */
public record ModelLibrary(
        String name,
        ModelGeometry geometry,
        Quantization quantization,
        CompileConfig compile,
        ChatConfigValues chatConfig,
        ByteFigure paramsBytes,
        ByteFigure tempFuncBytes,
        PlannerTarget target) {

    public ModelLibrary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(quantization, "quantization");
        Objects.requireNonNull(compile, "compile");
        Objects.requireNonNull(chatConfig, "chatConfig");
        Objects.requireNonNull(paramsBytes, "paramsBytes");
        Objects.requireNonNull(tempFuncBytes, "tempFuncBytes");
        Objects.requireNonNull(target, "target");
    }

    /**
     * A library as gen_config + compile would build it: parameter bytes from the layout, the temporary
     * buffer from the §4.2 heuristic.
     *
     * @throws IllegalArgumentException when the family's parameter layout is unknown
     */
    public static ModelLibrary of(String name, ModelGeometry geometry, Quantization quantization, CompileConfig compile) {
        return new ModelLibrary(name, geometry, quantization, compile, ChatConfigValues.matching(compile),
                computedParams(geometry, quantization, compile),
                unmeasuredTemp(geometry, quantization, compile, PlannerTarget.CUDA), PlannerTarget.CUDA);
    }

    /** Like {@link #of} but with parameter bytes known from elsewhere (needed for unknown layouts). */
    public static ModelLibrary withGivenParams(String name, ModelGeometry geometry, Quantization quantization,
                                              CompileConfig compile, ByteFigure params) {
        return new ModelLibrary(name, geometry, quantization, compile, ChatConfigValues.matching(compile), params,
                unmeasuredTemp(geometry, quantization, compile, PlannerTarget.CUDA), PlannerTarget.CUDA);
    }

    /**
     * A library from a description and a scheme, with measured byte counts where known: parameter bytes
     * are computed from the layout unless given, the temporary buffer is the heuristic unless given.
     *
     * @param params  given parameter bytes, or null to compute them
     * @param temp    given max per-function temporary bytes, or null for the §4.2 heuristic
     * @throws IllegalArgumentException when params are null and the layout is unknown
     */
    public static ModelLibrary build(ModelDescription description, Quantization scheme, CompileConfig compile,
                                     ByteFigure params, ByteFigure temp) {
        return build(description, scheme, compile, params, temp, PlannerTarget.CUDA);
    }

    /** {@link #build} for a compile target: an unmeasured temporary buffer is estimated for that target. */
    public static ModelLibrary build(ModelDescription description, Quantization scheme, CompileConfig compile,
                                     ByteFigure params, ByteFigure temp, PlannerTarget target) {
        ChatConfigValues chat = description.withCompile(compile).chatConfig();
        ByteFigure paramsFigure = params != null ? params : computedParams(description.geometry(), scheme, compile);
        ByteFigure tempFigure = temp != null ? temp : unmeasuredTemp(description.geometry(), scheme, compile, target);
        return new ModelLibrary(description.name(), description.geometry(), scheme, compile, chat, paramsFigure,
                tempFigure, target);
    }

    /**
     * Changes compile-time limits the way a recompile would: chat-config values follow, computed and
     * heuristic byte counts are recomputed, given ones are kept.
     */
    public ModelLibrary withCompile(CompileConfig newCompile) {
        ByteFigure params = paramsBytes.provenance() == ByteFigure.Provenance.GIVEN
                ? paramsBytes : computedParams(geometry, quantization, newCompile);
        ByteFigure temp = tempFuncBytes.provenance() == ByteFigure.Provenance.GIVEN
                ? tempFuncBytes : unmeasuredTemp(geometry, quantization, newCompile, target);
        return new ModelLibrary(name, geometry, quantization, newCompile, ChatConfigValues.matching(newCompile),
                params, temp, target);
    }

    public ModelLibrary withChatConfig(ChatConfigValues values) {
        return new ModelLibrary(name, geometry, quantization, compile, values, paramsBytes, tempFuncBytes, target);
    }

    public ModelLibrary withParamsBytes(ByteFigure params) {
        return new ModelLibrary(name, geometry, quantization, compile, chatConfig, params, tempFuncBytes, target);
    }

    public ModelLibrary withTempFuncBytes(ByteFigure temp) {
        return new ModelLibrary(name, geometry, quantization, compile, chatConfig, paramsBytes, temp, target);
    }

    /**
     * The library as model code of {@code date} builds it (rules §1.3 era-dependent layouts: a separate lm_head where
     * the file ignored the tie, MoE gates): computed parameter bytes follow that date's layout; measured ones stay.
     */
    public ModelLibrary builtOn(java.time.LocalDate date) {
        if (paramsBytes.provenance() != ByteFigure.Provenance.COMPUTED || date.equals(LayoutEra.CURRENT.builtOn())) {
            return this;
        }
        long bytes = ParameterBytes.of(geometry, quantization, compile.tensorParallelShards(), LayoutEra.builtOn(date));
        return withParamsBytes(new ByteFigure(bytes, ByteFigure.Provenance.COMPUTED, dev.kvlens.text.Phrase.of("model.figure.layoutOf", date.toString())));
    }

    /** The KV-cache metadata of this library (per shard). */
    public KvCacheGeometry kvCache() {
        return geometry.kvCache(compile.tensorParallelShards());
    }

    /**
     * The temporary buffer of a library nobody measured; for Medusa heads (prefill_chunk_size -1, no prefill
     * function to plan) 0, labelled as an assumption.
     */
    private static ByteFigure unmeasuredTemp(ModelGeometry geometry, Quantization quantization, CompileConfig compile,
                                             PlannerTarget target) {
        if (compile.prefillChunkSize() == -1) {
            return new ByteFigure(0, ByteFigure.Provenance.HEURISTIC,
                    dev.kvlens.text.Phrase.of("model.figure.medusa"));
        }
        return TempBufferSource.estimate(geometry, quantization, compile, target);
    }

    private static ByteFigure computedParams(ModelGeometry geometry, Quantization quantization, CompileConfig compile) {
        long bytes = ParameterBytes.of(geometry, quantization, compile.tensorParallelShards());
        return new ByteFigure(bytes, ByteFigure.Provenance.COMPUTED,
                dev.kvlens.text.Phrase.of("model.figure.layout", quantization.name(),
                        String.valueOf(compile.tensorParallelShards())));
    }
}
