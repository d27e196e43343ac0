package dev.kvlens.model.planner;

/**
 * The Relax functions of a paged-KV library whose layer stack the planner replays (rules §4.3.3): their token
 * count n and their tail.
 */
enum PlannedFunction {
    PREFILL("prefill", Rows.TOKENS, Tail.GATHER_ONE),
    DECODE("decode", Rows.ONE, Tail.EVERY_ROW),
    BATCH_PREFILL("batch_prefill", Rows.TOKENS, Tail.GATHER_BATCH),
    BATCH_DECODE("batch_decode", Rows.BATCH, Tail.EVERY_ROW),
    BATCH_VERIFY("batch_verify", Rows.TOKENS, Tail.EVERY_ROW),
    PREFILL_TO_LAST_HIDDEN_STATES("prefill_to_last_hidden_states", Rows.TOKENS, Tail.LAST_HIDDEN),
    DECODE_TO_LAST_HIDDEN_STATES("decode_to_last_hidden_states", Rows.ONE, Tail.LAST_HIDDEN),
    BATCH_PREFILL_TO_LAST_HIDDEN_STATES("batch_prefill_to_last_hidden_states", Rows.TOKENS, Tail.LAST_HIDDEN),
    BATCH_DECODE_TO_LAST_HIDDEN_STATES("batch_decode_to_last_hidden_states", Rows.BATCH, Tail.LAST_HIDDEN),
    BATCH_VERIFY_TO_LAST_HIDDEN_STATES("batch_verify_to_last_hidden_states", Rows.TOKENS, Tail.LAST_HIDDEN);

    private final String mlcName;
    private final Rows tokens;
    private final Tail tail;

    PlannedFunction(String mlcName, Rows tokens, Tail tail) {
        this.mlcName = mlcName;
        this.tokens = tokens;
        this.tail = tail;
    }

    String mlcName() {
        return mlcName;
    }

    /** n: S for {@link Rows#TOKENS}, 1 for {@link Rows#ONE}, B for {@link Rows#BATCH}. */
    int tokens(int prefillChunkSize, int maxBatchSize) {
        return switch (tokens) {
            case TOKENS -> prefillChunkSize;
            case ONE -> 1;
            case BATCH -> maxBatchSize;
        };
    }

    Tail tail() {
        return tail;
    }

    boolean lastHiddenStates() {
        return tail == Tail.LAST_HIDDEN;
    }
}
