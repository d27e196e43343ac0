package dev.kvlens.model.planner;

/**
 * Which Relax functions a library has, by the MLC version that built it (read off the {@code memory_usage} keys
 * of the compiled libraries, rules §4.3.3 and {@code shared/mlc-libs-dev/}).
 */
public enum BuildFunctions {
    /**
     * Early 2024 paged builds (top-level folders of binary-mlc-llm-libs): no {@code alloc_embedding_tensor}, and
     * {@code embed} plans two [S, h] tensors (fitted to the data).
     */
    EARLY,
    /** The five chunk/batch functions, {@code embed}, {@code alloc_embedding_tensor} and sampling helpers. */
    STANDARD,
    /** WebLLM v0.2.34: adds {@code *_to_last_hidden_states}, {@code get_logits}, {@code batch_get_logits}. */
    HIDDEN_STATES_V0_2_34,
    /** WebLLM v0.2.39 and later: {@code *_to_last_hidden_states}, {@code get_logits}, gather/scatter. */
    HIDDEN_STATES;

    boolean hasLastHiddenStates() {
        return this == HIDDEN_STATES_V0_2_34 || this == HIDDEN_STATES;
    }
}
