package dev.kvlens.model.planner;

/**
 * A run of ops compiled for the planner (rules §4.3.1), in flat arrays for speed: op i's outputs are entries
 * {@code outStart[i] .. outStart[i + 1] - 1}, its inputs {@code inStart[i] .. inStart[i + 1] - 1}. For every
 * input and output it records whether the op is its last use, so that its token returns to the pool right after
 * the op. Outputs are requested before inputs are released; inputs are released in argument order, then the
 * outputs nobody reads.
 *
 * @param outStart per op, the index of its first output (one extra entry closes the last op)
 * @param outSlot  per output, its slot (-1 for the logits, which have no slot)
 * @param outSize  per output, {@code rows.ordinal() · |Width| + width.ordinal()}: its index in a size table
 * @param outFlags per output, {@link #RETURNED} (a function output: own storage, never pooled) and
 *                 {@link #UNREAD} (never read: released right after the op)
 * @param inStart  per op, the index of its first input (one extra entry closes the last op)
 * @param inSlot   per input, its slot
 * @param inLast   per input, whether the op is its last use
 */
record Segment(int[] outStart, int[] outSlot, int[] outSize, int[] outFlags, int[] inStart, int[] inSlot,
               boolean[] inLast) {

    static final int RETURNED = 1;
    static final int UNREAD = 2;
    private static final int WIDTHS = Width.values().length;

    int size() {
        return outStart.length - 1;
    }

    /** How many leading ops this segment and {@code other} compile to the same slots, sizes and flags. */
    int commonPrefix(Segment other) {
        int ops = Math.min(size(), other.size());
        for (int op = 0; op < ops; op++) {
            if (!sameOp(op, other)) {
                return op;
            }
        }
        return ops;
    }

    private boolean sameOp(int op, Segment other) {
        int outs = outStart[op + 1] - outStart[op];
        int ins = inStart[op + 1] - inStart[op];
        if (outs != other.outStart[op + 1] - other.outStart[op] || ins != other.inStart[op + 1] - other.inStart[op]) {
            return false;
        }
        for (int k = 0; k < outs; k++) {
            int a = outStart[op] + k;
            int b = other.outStart[op] + k;
            if (outSlot[a] != other.outSlot[b] || outSize[a] != other.outSize[b] || outFlags[a] != other.outFlags[b]) {
                return false;
            }
        }
        for (int k = 0; k < ins; k++) {
            int a = inStart[op] + k;
            int b = other.inStart[op] + k;
            if (inSlot[a] != other.inSlot[b] || inLast[a] != other.inLast[b]) {
                return false;
            }
        }
        return true;
    }

    static int sizeIndex(Rows rows, Width width) {
        return rows.ordinal() * WIDTHS + width.ordinal();
    }
}
