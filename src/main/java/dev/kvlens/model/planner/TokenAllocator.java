package dev.kvlens.model.planner;

import java.util.Arrays;

/**
 * TVM's storage-token allocator of {@code StaticPlanBlockMemory} for one Relax function (rules §4.3.1; read in
 * {@code src/relax/transform/static_plan_block_memory.cc}, class {@code TokenAllocatorMixed}, apache/tvm 5d4dc872).
 *
 * <p>Free tokens are kept sorted by size, equal sizes in release order (a C++ {@code multimap} inserts at the end
 * of the equal range). A request for n bytes takes, in this order: the smallest free token of size in [n, 16·n],
 * the earliest released among equals; else the largest free token of size in [⌊n/16⌋, n), the latest released
 * among equals, enlarged to n; else a new token. Every pooled tensor of MLC's op sequences has the activation
 * dtype (the f32 logits are function outputs and never pooled, §4.3.3), so the per-(scope, dtype) pools of TVM
 * reduce to this one pool.
 *
 * <p>Mutable and not thread-safe; one instance per evaluation. {@link #copyFrom} and {@link #sameState} let the
 * planner reuse a stack's state for several functions and detect that a layer repeats the previous one.
 */
final class TokenAllocator {

    /** TVM's {@code match_range_}. */
    static final int MATCH_RANGE = 16;

    private long[] sizes = new long[16];
    private int tokens;
    private int[] free = new int[16];
    private int freeCount;

    /** Returns the token id serving a request of {@code bytes}, reusing a free token where the rule allows. */
    int request(long bytes) {
        int mid = lowerBound(bytes);
        if (mid < freeCount && sizes[free[mid]] <= bytes * MATCH_RANGE) {
            return take(mid);
        }
        if (mid > 0 && sizes[free[mid - 1]] >= bytes / MATCH_RANGE) {
            int token = take(mid - 1);
            sizes[token] = bytes;
            return token;
        }
        if (tokens == sizes.length) {
            sizes = Arrays.copyOf(sizes, tokens * 2);
            free = Arrays.copyOf(free, tokens * 2);
        }
        sizes[tokens] = bytes;
        return tokens++;
    }

    /** Returns a token to the free pool, after the free tokens of equal size. */
    void release(int token) {
        long size = sizes[token];
        int at = freeCount;
        while (at > 0 && sizes[free[at - 1]] > size) {
            at--;
        }
        System.arraycopy(free, at, free, at + 1, freeCount - at);
        free[at] = token;
        freeCount++;
    }

    /** Σ of the final token sizes: the planned {@code alloc_storage} bytes of the function. */
    long totalBytes() {
        long total = 0;
        for (int i = 0; i < tokens; i++) {
            total += sizes[i];
        }
        return total;
    }

    void copyFrom(TokenAllocator other) {
        if (sizes.length < other.sizes.length) {
            sizes = new long[other.sizes.length];
            free = new int[other.sizes.length];
        }
        System.arraycopy(other.sizes, 0, sizes, 0, other.tokens);
        System.arraycopy(other.free, 0, free, 0, other.freeCount);
        tokens = other.tokens;
        freeCount = other.freeCount;
    }

    boolean sameState(TokenAllocator other) {
        return tokens == other.tokens && freeCount == other.freeCount
                && Arrays.equals(sizes, 0, tokens, other.sizes, 0, tokens)
                && Arrays.equals(free, 0, freeCount, other.free, 0, freeCount);
    }

    private int lowerBound(long bytes) {
        int low = 0;
        int high = freeCount;
        while (low < high) {
            int probe = (low + high) >>> 1;
            if (sizes[free[probe]] < bytes) {
                low = probe + 1;
            } else {
                high = probe;
            }
        }
        return low;
    }

    private int take(int index) {
        int token = free[index];
        System.arraycopy(free, index + 1, free, index, freeCount - index - 1);
        freeCount--;
        return token;
    }
}
