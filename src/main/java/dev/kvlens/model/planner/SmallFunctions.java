package dev.kvlens.model.planner;

import java.util.Map;

/**
 * The functions of a library besides the layer stacks (rules §4.3.4: "small functions … which never win"), sized
 * from their outputs at the upper bound (§1.1). Read off MLC's function specs ({@code get_default_spec} of
 * {@code llama_model.py}: {@code embed} returns [seq_len, h], {@code get_logits} takes [seq_len, h],
 * {@code batch_select_last_hidden_states} returns [batch_size, h]) and checked on every library of
 * {@code shared/mlc-libs-dev/}; the early {@code embed} doubling and {@code batch_get_logits} are fitted to it.
 */
final class SmallFunctions {

    private SmallFunctions() {
    }

    /**
     * Adds the small functions of {@code in}'s build to {@code out}.
     *
     * @param logitsRowBytes V·4 with a concrete lm-head vocab, else 0
     */
    static void addTo(Map<String, Long> out, PlannerInput in, long logitsRowBytes) {
        long row = (long) in.hiddenSize() * in.activationBytes();
        long chunk = in.prefillChunkSize() * row;
        long batch = in.maxBatchSize() * row;
        BuildFunctions functions = in.functions();
        out.put("embed", functions == BuildFunctions.EARLY ? 2 * chunk : chunk);
        if (functions != BuildFunctions.EARLY) {
            out.put("alloc_embedding_tensor", chunk);
        }
        out.put("softmax_with_temperature", 0L);
        out.put("create_tir_paged_kv_cache", 0L);
        if (functions.hasLastHiddenStates()) {
            out.put("get_logits", in.prefillChunkSize() * logitsRowBytes);
            out.put("batch_select_last_hidden_states", batch);
        }
        if (functions == BuildFunctions.HIDDEN_STATES_V0_2_34) {
            out.put("batch_get_logits", batch + in.maxBatchSize() * logitsRowBytes);
        }
        if (functions == BuildFunctions.HIDDEN_STATES) {
            out.put("gather_hidden_states", 0L);
            out.put("scatter_hidden_states", 0L);
        }
    }
}
