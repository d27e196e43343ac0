package dev.kvlens.model;

/**
 * The limits the engine derives from the library metadata and the chat config
 * ({@code GetModelConfigLimits}, rules §3.3; era C: {@code _get_model_config_limit}).
 *
 * @param compileMaxSingleSequenceLength  the compile-time context window, or the rule set's "unlimited"
 * @param runtimeMaxSingleSequenceLength  the chat config's context window (clamped), or "unlimited"
 * @param runtimeMaxPrefillChunkSize      the chat config's prefill chunk (clamped to the compile-time one)
 * @param maxBatchSize                    the compile-time max batch size
 */
public record ModelLimits(
        long compileMaxSingleSequenceLength,
        long runtimeMaxSingleSequenceLength,
        long runtimeMaxPrefillChunkSize,
        long maxBatchSize) {

    /**
     * Derives the limits for one model under a rule set.
     *
     * @throws IllegalArgumentException with MLC's message where era C raises on runtime &gt; compile values
     */
    public static ModelLimits of(ModelLibrary model, RuleSet rules) {
        long unlimited = rules.unlimitedSequenceLength();
        int compileContext = model.compile().contextWindowSize();
        int runtimeContext = model.chatConfig().contextWindowSize();
        int compilePrefill = model.compile().prefillChunkSize();
        int runtimePrefill = model.chatConfig().prefillChunkSize();

        if (rules.runtimeContextAboveCompileIsError()) {
            if (compileContext != -1 && (runtimeContext == -1 || runtimeContext > compileContext)) {
                throw new IllegalArgumentException("Model 0's runtime context window size ("
                        + (runtimeContext == -1 ? "infinite" : String.valueOf(runtimeContext))
                        + ") is larger than the context window size used at compile time (" + compileContext + ")");
            }
            if (runtimePrefill > compilePrefill) {
                throw new IllegalArgumentException("Model 0's runtime prefill chunk size (" + runtimePrefill
                        + ") is larger than the prefill chunk size used at compile time (" + compilePrefill + ")");
            }
        }
        // Era D clamps silently (547060a3); era C has already rejected what would be clamped.
        if (compileContext != -1 && (runtimeContext == -1 || runtimeContext > compileContext)) {
            runtimeContext = compileContext;
        }
        if (runtimePrefill == -1 || runtimePrefill > compilePrefill) {
            runtimePrefill = compilePrefill;
        }
        return new ModelLimits(
                compileContext == -1 ? unlimited : compileContext,
                runtimeContext == -1 ? unlimited : runtimeContext,
                runtimePrefill,
                model.compile().maxBatchSize());
    }
}
