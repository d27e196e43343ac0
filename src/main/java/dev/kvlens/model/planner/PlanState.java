package dev.kvlens.model.planner;

import java.util.Arrays;

/**
 * The planner's state while it walks a function (rules §4.3.1): the token pool, which token each slot's tensor
 * holds, and the bytes of the function outputs so far. {@link #run} replays ops of a {@link Segment}.
 */
final class PlanState {

    /** More slots than any sequence of {@link LayerSequence} with its tail uses. */
    static final int MAX_SLOTS = 16;

    private final TokenAllocator allocator = new TokenAllocator();
    /** Per slot, its tensor's token + 1; 0 when the slot holds no planned tensor (nothing, or the input). */
    private final int[] slotToken = new int[MAX_SLOTS];
    private final int[] held = new int[4];
    private long outputBytes;

    /**
     * Replays ops {@code from .. to - 1} of {@code segment}: outputs are requested first (function outputs get their
     * own storage, counted with their constant size), then the inputs at their last use are released in argument
     * order, then the outputs nobody reads.
     *
     * @param bytes a tensor's upper-bound bytes by {@link Segment#sizeIndex}; 0 for logits that are not counted
     */
    void run(Segment segment, long[] bytes, int from, int to) {
        int[] outStart = segment.outStart();
        int[] outSlot = segment.outSlot();
        int[] outSize = segment.outSize();
        int[] outFlags = segment.outFlags();
        int[] inStart = segment.inStart();
        int[] inSlot = segment.inSlot();
        boolean[] inLast = segment.inLast();
        for (int op = from; op < to; op++) {
            int firstIn = inStart[op];
            int endIn = inStart[op + 1];
            for (int j = firstIn; j < endIn; j++) {
                held[j - firstIn] = slotToken[inSlot[j]];
            }
            int firstOut = outStart[op];
            int endOut = outStart[op + 1];
            for (int j = firstOut; j < endOut; j++) {
                long size = bytes[outSize[j]];
                if ((outFlags[j] & Segment.RETURNED) != 0) {
                    outputBytes += size;
                    if (outSlot[j] >= 0) {
                        slotToken[outSlot[j]] = 0;
                    }
                } else {
                    slotToken[outSlot[j]] = allocator.request(size) + 1;
                }
            }
            for (int j = firstIn; j < endIn; j++) {
                int token = held[j - firstIn];
                if (inLast[j] && token != 0) {
                    allocator.release(token - 1);
                    if (slotToken[inSlot[j]] == token) {
                        slotToken[inSlot[j]] = 0;
                    }
                }
            }
            for (int j = firstOut; j < endOut; j++) {
                if ((outFlags[j] & Segment.UNREAD) != 0) {
                    allocator.release(slotToken[outSlot[j]] - 1);
                    slotToken[outSlot[j]] = 0;
                }
            }
        }
    }

    void run(Segment segment, long[] bytes) {
        run(segment, bytes, 0, segment.size());
    }

    /** memory_usage of the function: Σ final token sizes + the function outputs' own storages (§4.3.1). */
    long memoryUsage() {
        return allocator.totalBytes() + outputBytes;
    }

    void copyFrom(PlanState other) {
        allocator.copyFrom(other.allocator);
        System.arraycopy(other.slotToken, 0, slotToken, 0, MAX_SLOTS);
        outputBytes = other.outputBytes;
    }

    boolean sameState(PlanState other) {
        return outputBytes == other.outputBytes && Arrays.equals(slotToken, other.slotToken)
                && allocator.sameState(other.allocator);
    }
}
