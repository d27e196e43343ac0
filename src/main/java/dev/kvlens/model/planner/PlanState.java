package dev.kvlens.model.planner;

import java.util.Arrays;

/**
 * The planner's state while it walks a function (rules §4.3.1): the token pool, which token each slot's tensor
 * holds, and the bytes of the function outputs so far. {@link #run} replays a {@link Segment}.
 */
final class PlanState {

    /** The slot holds no planned tensor (nothing, or the function's input embeddings). */
    static final int NONE = -1;

    /** More slots than any sequence of {@link LayerSequence} with its tail uses. */
    static final int MAX_SLOTS = 16;

    private final TokenAllocator allocator = new TokenAllocator();
    private final int[] slotToken = new int[MAX_SLOTS];
    private final int[] held = new int[4];
    private long outputBytes;

    PlanState() {
        Arrays.fill(slotToken, NONE);
    }

    /**
     * Replays the ops of {@code segment}: outputs are requested first (function outputs get their own storage,
     * counted when {@code bytes} says their size is constant), then the inputs at their last use are released in
     * argument order, then the outputs nobody reads.
     *
     * @param bytes per {@link Rows} and {@link Width} ordinal, a tensor's upper-bound bytes; ≤ 0 when not counted
     */
    void run(Segment segment, long[][] bytes) {
        for (int op = 0; op < segment.size(); op++) {
            int[] ins = segment.inSlots()[op];
            for (int j = 0; j < ins.length; j++) {
                held[j] = slotToken[ins[j]];
            }
            int[] outs = segment.outSlots()[op];
            for (int j = 0; j < outs.length; j++) {
                long size = bytes[segment.outRows()[op][j].ordinal()][segment.outWidths()[op][j].ordinal()];
                if (segment.outReturned()[op][j]) {
                    outputBytes += Math.max(size, 0);
                    if (outs[j] >= 0) {
                        slotToken[outs[j]] = NONE;
                    }
                } else {
                    slotToken[outs[j]] = allocator.request(size);
                }
            }
            boolean[] lastUse = segment.inLastUse()[op];
            for (int j = 0; j < ins.length; j++) {
                if (lastUse[j] && held[j] != NONE) {
                    allocator.release(held[j]);
                    if (slotToken[ins[j]] == held[j]) {
                        slotToken[ins[j]] = NONE;
                    }
                }
            }
            boolean[] unread = segment.outUnread()[op];
            for (int j = 0; j < outs.length; j++) {
                if (unread[j]) {
                    allocator.release(slotToken[outs[j]]);
                    slotToken[outs[j]] = NONE;
                }
            }
        }
    }

    /** memory_usage of the function: Σ final token sizes + the function outputs' own storages (§4.3.1). */
    long memoryUsage() {
        return allocator.totalBytes() + outputBytes;
    }

    void copyFrom(PlanState other) {
        allocator.copyFrom(other.allocator);
        System.arraycopy(other.slotToken, 0, slotToken, 0, slotToken.length);
        outputBytes = other.outputBytes;
    }

    boolean sameState(PlanState other) {
        return outputBytes == other.outputBytes && Arrays.equals(slotToken, other.slotToken)
                && allocator.sameState(other.allocator);
    }
}
