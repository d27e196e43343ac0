package dev.kvlens.model.planner;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The planner's ordering rules (rules §4.3.1) on tiny hand-made op sequences where every tensor is 10 bytes:
 * outputs are requested before inputs are released, a token returns only after its last use, an output nobody
 * reads returns at once, and function outputs never come from the pool.
 */
class PlanStateTest {

    /** 10 bytes for every [n, h] tensor (h = 10 elements of 1 byte, n = 1), 7 bytes for a logits row. */
    private static long[] bytes() {
        long[] table = new long[Rows.values().length * Width.values().length];
        java.util.Arrays.fill(table, 10);
        for (Rows rows : Rows.values()) {
            table[Segment.sizeIndex(rows, Width.VOCAB)] = 7;
        }
        return table;
    }

    private static long plan(List<String> prologue, List<String> tail) {
        PlanProgram program = PlanProgram.compile(prologue.stream().map(Op::parse).toList(), List.of(),
                tail.stream().map(Op::parse).toList(), false);
        PlanState state = new PlanState();
        state.run(program.prologue(), bytes());
        state.run(program.last(), bytes());
        return state.memoryUsage();
    }

    @Test
    void outputsAreRequestedBeforeInputsAreReleased() {
        // A: token 0; B is requested while A is held: token 1; then A returns, and C takes it
        assertEquals(20, plan(List.of("A:h <- H", "B:h <- A", "C:h <- B"), List.of()));
    }

    @Test
    void aTokenReturnsOnlyAfterItsLastUse() {
        // A is read again by C, so C cannot take A's token: three tokens
        assertEquals(30, plan(List.of("A:h <- H", "B:h <- A", "C:h <- A, B"), List.of()));
    }

    @Test
    void anOutputNobodyReadsReturnsRightAfterItsOp() {
        // X (second output) is never read: its token returns after the op, and B takes it
        assertEquals(20, plan(List.of("A:h, X:h <- H", "B:h <- A"), List.of()));
    }

    @Test
    void functionOutputsHaveTheirOwnStorage() {
        // A: token 0 (10); logits: own storage (7), not pooled, even though A's token is free afterwards
        assertEquals(17, plan(List.of("A:h <- H"), List.of("logits:V <- A")));
    }
}
