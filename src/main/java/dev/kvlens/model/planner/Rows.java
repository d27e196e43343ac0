package dev.kvlens.model.planner;

/**
 * How many rows a tensor of a function has at its upper bound (rules §1.1 bounds, §4.3.3 tails): the function's
 * token count n (S for the prefill-like functions, 1 for {@code decode}, B for {@code batch_decode}), one row
 * (the gathered last position of {@code prefill}), or B rows (the gathered positions of {@code batch_prefill}).
 */
enum Rows {
    TOKENS, ONE, BATCH
}
