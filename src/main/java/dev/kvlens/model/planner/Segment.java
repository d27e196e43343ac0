package dev.kvlens.model.planner;

/**
 * A run of ops compiled for the planner (rules §4.3.1): slots as indices, and for every input and output
 * whether the op is its last use, so that its token returns to the pool right after the op. Outputs are
 * requested before inputs are released; inputs are released in argument order, then the outputs nobody reads.
 *
 * @param outSlots       per op, the slot of each output (-1 for the logits, which have no slot)
 * @param outWidths      per op, each output's width
 * @param outRows        per op, each output's rows
 * @param outReturned    per op, whether each output is a function output (own storage, never pooled)
 * @param outUnread      per op, whether each output is never read (released right after the op)
 * @param inSlots        per op, the slot of each input
 * @param inLastUse      per op, whether the op is each input's last use
 */
record Segment(int[][] outSlots, Width[][] outWidths, Rows[][] outRows, boolean[][] outReturned,
               boolean[][] outUnread, int[][] inSlots, boolean[][] inLastUse) {

    int size() {
        return inSlots.length;
    }
}
