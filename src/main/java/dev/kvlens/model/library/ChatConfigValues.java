package dev.kvlens.model.library;

/**
 * The {@code mlc-chat-config.json} values the runtime reads next to the library metadata (rules §2.2).
 * gen_config writes them equal to the compile-time values; a hand-edited config may differ.
 *
 * @param contextWindowSize          top-level {@code context_window_size}; -1 when absent or null
 * @param prefillChunkSize           top-level {@code prefill_chunk_size} (required by MLC)
 * @param workspacePrefillChunkSize  {@code model_config.prefill_chunk_size}: sizes kv_aux and model workspaces
 *                                   (-1 for Medusa heads, whose negative terms MLC keeps; rules §3.8)
 */
public record ChatConfigValues(int contextWindowSize, int prefillChunkSize, int workspacePrefillChunkSize) {

    public ChatConfigValues {
        if (contextWindowSize == 0 || contextWindowSize < -1) {
            throw new dev.kvlens.text.PhrasedException("model.check.positiveOrNone", "context_window_size",
                    String.valueOf(contextWindowSize));
        }
        if (prefillChunkSize == 0 || prefillChunkSize < -1) {
            throw new dev.kvlens.text.PhrasedException("model.check.positive", "prefill_chunk_size", String.valueOf(prefillChunkSize));
        }
        if (workspacePrefillChunkSize == 0 || workspacePrefillChunkSize < -1) {
            throw new dev.kvlens.text.PhrasedException("model.check.positiveOrMedusa", "model_config.prefill_chunk_size",
                    String.valueOf(workspacePrefillChunkSize));
        }
    }

    /** What gen_config writes for a library compiled with these limits. */
    public static ChatConfigValues matching(CompileConfig compile) {
        return new ChatConfigValues(compile.contextWindowSize(), compile.prefillChunkSize(), compile.prefillChunkSize());
    }
}
