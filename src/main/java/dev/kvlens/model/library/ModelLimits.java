package dev.kvlens.model.library;

import dev.kvlens.model.RuleSet;
import java.util.List;

/**
 * The limits the engine derives from the library metadata and the chat config of every model it runs
 * ({@code GetModelConfigLimits}, rules §3.3; era C: {@code _get_model_config_limit}, §6.1): each is the
 * minimum over the models, a −1 (no limit, e.g. Medusa heads) taking no part.
 *
 * @param compileMaxSingleSequenceLength  the compile-time context window, or the rule set's "unlimited"
 * @param runtimeMaxSingleSequenceLength  the chat config's context window (clamped), or "unlimited"
 * @param runtimeMaxPrefillChunkSize      the chat config's prefill chunk (clamped to the compile-time one)
 * @param maxBatchSize                    the compile-time max batch size
 * @param minSlidingWindowSize            the smallest sliding window, or {@code Long.MAX_VALUE} when no model
 *                                        has one (used by the mid-2024 interactive cap, §3.5 step 2)
 */
public record ModelLimits(
        long compileMaxSingleSequenceLength,
        long runtimeMaxSingleSequenceLength,
        long runtimeMaxPrefillChunkSize,
        long maxBatchSize,
        long minSlidingWindowSize) {

    /**
     * Derives the limits for one model under a rule set.
     *
     * @throws IllegalArgumentException with MLC's message where era C raises on runtime &gt; compile values
     */
    public static ModelLimits of(ModelLibrary model, RuleSet rules) {
        return of(List.of(model), rules);
    }

    /**
     * Derives the limits for the models MLC runs together (the main model first).
     *
     * @throws IllegalArgumentException with MLC's message where era C raises on runtime &gt; compile values,
     *                                  or when no model bounds the prefill chunk (MLC's {@code ICHECK})
     */
    public static ModelLimits of(List<ModelLibrary> models, RuleSet rules) {
        long unlimited = rules.unlimitedSequenceLength();
        long compileSingle = unlimited;
        long runtimeSingle = unlimited;
        long runtimePrefillMin = Long.MAX_VALUE;
        long batch = Long.MAX_VALUE;
        long sliding = Long.MAX_VALUE;
        for (int i = 0; i < models.size(); i++) {
            ModelLibrary model = models.get(i);
            int compileContext = model.compile().contextWindowSize();
            int runtimeContext = model.chatConfig().contextWindowSize();
            int compilePrefill = model.compile().prefillChunkSize();
            int runtimePrefill = model.chatConfig().prefillChunkSize();
            if (rules.runtimeContextAboveCompileIsError()) {
                rejectAboveCompile(i, compileContext, runtimeContext, compilePrefill, runtimePrefill);
            }
            // Era D clamps silently (547060a3); era C has already rejected what would be clamped.
            if (compileContext != -1 && (runtimeContext == -1 || runtimeContext > compileContext)) {
                runtimeContext = compileContext;
            }
            if (compilePrefill != -1 && (runtimePrefill == -1 || runtimePrefill > compilePrefill)) {
                runtimePrefill = compilePrefill;
            }
            if (compileContext != -1) {
                compileSingle = Math.min(compileSingle, compileContext);
            }
            if (runtimeContext != -1) {
                runtimeSingle = Math.min(runtimeSingle, runtimeContext);
            }
            if (runtimePrefill != -1) {
                runtimePrefillMin = Math.min(runtimePrefillMin, runtimePrefill);
            }
            batch = Math.min(batch, model.compile().maxBatchSize());
            // MLC reads the chat config's top-level sliding_window_size, which gen_config writes as the
            // compile-time value; KV Lens holds the compile-time one.
            if (model.compile().slidingWindowSize() != -1) {
                sliding = Math.min(sliding, model.compile().slidingWindowSize());
            }
        }
        if (runtimePrefillMin == Long.MAX_VALUE) {
            throw new dev.kvlens.text.PhrasedException("model.check.medusaAlone");
        }
        return new ModelLimits(compileSingle, runtimeSingle, runtimePrefillMin, batch, sliding);
    }

    private static void rejectAboveCompile(int index, int compileContext, int runtimeContext, int compilePrefill,
                                           int runtimePrefill) {
        if (compileContext != -1 && (runtimeContext == -1 || runtimeContext > compileContext)) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", "Model " + index + "'s runtime context window size ("
                    + (runtimeContext == -1 ? "infinite" : String.valueOf(runtimeContext))
                    + ") is larger than the context window size used at compile time (" + compileContext + ")");
        }
        if (runtimePrefill > compilePrefill) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", "Model " + index + "'s runtime prefill chunk size (" + runtimePrefill
                    + ") is larger than the prefill chunk size used at compile time (" + compilePrefill + ")");
        }
    }
}
