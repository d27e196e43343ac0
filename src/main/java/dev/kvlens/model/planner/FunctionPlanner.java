package dev.kvlens.model.planner;

import java.util.EnumMap;
import java.util.Map;

/**
 * Replays TVM's planner over MLC's op sequence for each function of a build (rules §4.3.1, §4.3.3):
 * memory_usage[f] = Σ final token sizes + the function outputs' storages.
 *
 * <p>Speed, with results identical to walking every op: (1) the prologue, all layers but the last, and the
 * last layer's ops up to where it first differs from a middle layer are the same for every function of equal n,
 * so they are planned once per n; (2) the planner's state (tokens, sizes, free-pool order, slot tokens) after a
 * layer is a function of the state before it, so once a layer leaves the state as it was one or two layers
 * earlier, the remaining layers only repeat that cycle and are skipped: Llama-type stacks repeat after two
 * layers, Phi's alternates between two states; (3) functions with the same tail and n (the prefill-like
 * {@code *_to_last_hidden_states}) are planned once.
 */
final class FunctionPlanner {

    private static final Map<LayerSequence, Map<Tail, PlanProgram>> PROGRAMS = new EnumMap<>(LayerSequence.class);
    private static final Map<LayerSequence, Integer> SHARED_OPS = new EnumMap<>(LayerSequence.class);

    static {
        for (LayerSequence sequence : LayerSequence.values()) {
            Map<Tail, PlanProgram> byTail = new EnumMap<>(Tail.class);
            int shared = Integer.MAX_VALUE;
            for (Tail tail : Tail.values()) {
                PlanProgram program = PlanProgram.compile(sequence, tail);
                byTail.put(tail, program);
                shared = Math.min(shared, program.last().commonPrefix(program.middle()));
            }
            PROGRAMS.put(sequence, byTail);
            SHARED_OPS.put(sequence, shared);
        }
    }

    private final Map<Tail, PlanProgram> programs;
    private final int sharedOps;
    private final PlanGeometry geometry;
    private final int layers;
    private final int[] stackTokens = new int[3];
    private final long[][] stackBytes = new long[3][];
    private final PlanState[] stacks = new PlanState[3];
    private final PlanState scratch = new PlanState();
    private final long[][] planned = new long[Tail.values().length][3];
    private int stackCount;

    FunctionPlanner(LayerSequence sequence, PlanGeometry geometry, int layers) {
        this.programs = PROGRAMS.get(sequence);
        this.sharedOps = SHARED_OPS.get(sequence);
        this.geometry = geometry;
        this.layers = layers;
    }

    /** memory_usage of {@code function} for n = {@code tokens}. */
    long plan(PlannedFunction function, int tokens) {
        PlanProgram program = programs.get(function.tail());
        int stack = stack(program, tokens);
        long[] byStack = planned[function.tail().ordinal()];
        if (byStack[stack] == 0) {
            scratch.copyFrom(stacks[stack]);
            scratch.run(program.last(), stackBytes[stack], sharedOps, program.last().size());
            byStack[stack] = scratch.memoryUsage() + 1;
        }
        return byStack[stack] - 1;
    }

    /** The state before the last layer's first function-specific op, for n = {@code tokens}. */
    private int stack(PlanProgram program, int tokens) {
        for (int i = 0; i < stackCount; i++) {
            if (stackTokens[i] == tokens) {
                return i;
            }
        }
        long[] bytes = geometry.bytes(tokens);
        PlanState[] ring = {new PlanState(), new PlanState(), new PlanState()};
        ring[0].run(program.prologue(), bytes);
        int middleLayers = layers - 1;
        int at = 0;
        for (int done = 0; done < middleLayers; done++) {
            PlanState before = ring[at];
            PlanState earlier = ring[(at + 2) % 3];
            at = (at + 1) % 3;
            PlanState state = ring[at];
            state.copyFrom(before);
            state.run(program.middle(), bytes);
            if (state.sameState(before)) {
                break;
            }
            if (done >= 1 && state.sameState(earlier)) {
                if ((middleLayers - done - 1) % 2 == 1) {
                    at = (at + 2) % 3;
                }
                break;
            }
        }
        PlanState state = ring[at];
        state.run(program.middle(), bytes, 0, sharedOps);
        stackTokens[stackCount] = tokens;
        stackBytes[stackCount] = bytes;
        stacks[stackCount] = state;
        return stackCount++;
    }
}
