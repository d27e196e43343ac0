package dev.kvlens.model.explore;

import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.Scenario;
import java.util.OptionalLong;

/**
 * Whether MLC, in the scenario's mode, starts and then holds a {@link Workload} (rules §3.5). The workload's B and L
 * go to MLC as the user overrides max_num_sequence and max_single_sequence_length (L only where the rules and the
 * model have that override: not on RNN state, not in era C), on top of the scenario's own overrides. It fits when
 * <ol>
 *   <li>MLC does not stop with its insufficient-memory error (step 4: Tmax &gt; 0 in the selected mode; era C: in
 *       every mode);</li>
 *   <li>L is within the single-sequence length MLC ends up with (step 2 clamps a longer L silently to the compiled
 *       context window);</li>
 *   <li>a user-given KV capacity (max_total_sequence_length, taken unchecked in step 5) fits the memory budget, i.e.
 *       T ≤ Tmax — MLC's estimate accepts a larger one, but the KV cache it then allocates does not fit;</li>
 *   <li>the KV capacity T MLC sizes holds the B × L tokens at once.</li>
 * </ol>
 * The modes differ because T does: local min(Tmax, L, 8192), interactive min(Tmax, L) — both cap T at one sequence —
 * and server min(Tmax, B × L), which fills what is left up to B full sequences.
 *
 * @param failing                 the first condition above that fails, or {@link Condition#NONE}
 * @param maxTotalSequenceLength  T, MLC's KV cache token capacity in the selected mode (0 when it does not start)
 * @param capacityFromMemory      Tmax, what the memory budget allows at this B
 * @param tokens                  B × L, what must be resident
 */
public record WorkloadFit(Condition failing, long maxTotalSequenceLength, long capacityFromMemory, long tokens) {

    /**
     * Headroom below which a fitting workload counts as tight: less than 5 % of Tmax left. Measured against the memory
     * budget's Tmax, not T: local and interactive size T to exactly one sequence, which says nothing about memory.
     */
    public static final double TIGHT_HEADROOM = 0.05;

    /** Which condition fails, in the order they are checked. */
    public enum Condition {
        /** Everything holds. */
        NONE,
        /** MLC stops with "Insufficient GPU memory error". */
        MLC_REFUSES,
        /** L is longer than the single-sequence length MLC allows (the compiled context window). */
        BEYOND_CONTEXT_WINDOW,
        /** MLC accepts the user-given KV capacity, but it does not fit the memory budget. */
        CAPACITY_BEYOND_BUDGET,
        /** MLC starts, but its KV capacity T holds fewer than B × L tokens. */
        CAPACITY_TOO_SMALL
    }

    /** Evaluates a workload with MLC's estimator. */
    public static WorkloadFit of(Scenario scenario, Workload workload) {
        Estimate estimate = Estimator.estimate(withWorkload(scenario, workload));
        ModeEstimate m = estimate.selected();
        long tokens = workload.tokens();
        Condition failing;
        if (!estimate.succeeds()) {
            failing = Condition.MLC_REFUSES;
        } else if (workload.context().isPresent() && estimate.stateKind() == Estimate.StateKind.KV_CACHE
                && m.maxSingleSequenceLength() < workload.context().getAsInt()) {
            failing = Condition.BEYOND_CONTEXT_WINDOW;
        } else if (m.capacitySpecifiedByUser() && estimate.stateKind() == Estimate.StateKind.KV_CACHE
                && m.maxTotalSequenceLength() > m.capacityFromMemory()) {
            failing = Condition.CAPACITY_BEYOND_BUDGET;
        } else if (m.maxTotalSequenceLength() < tokens) {
            failing = Condition.CAPACITY_TOO_SMALL;
        } else {
            failing = Condition.NONE;
        }
        return new WorkloadFit(failing, m.fits() ? m.maxTotalSequenceLength() : 0, m.capacityFromMemory(), tokens);
    }

    /** The scenario with the workload's B and L as user overrides (where MLC has them). */
    static Scenario withWorkload(Scenario scenario, Workload workload) {
        EngineOverrides overrides = scenario.engine().overrides();
        if (workload.batch().isPresent()) {
            overrides = overrides.withMaxNumSequence(OptionalLong.of(workload.batch().getAsInt()));
        }
        boolean rnn = scenario.model().geometry().family().usesRnnState();
        if (workload.context().isPresent() && !rnn && scenario.rules().userMaxSingleSequenceLength()) {
            overrides = overrides.withMaxSingleSequenceLength(OptionalLong.of(workload.context().getAsInt()));
        }
        return scenario.withEngine(scenario.engine().withOverrides(overrides));
    }

    public boolean fits() {
        return failing == Condition.NONE;
    }

    /** Fits, with less than 5 % of what the memory budget could hold (Tmax) left over. */
    public boolean tight() {
        return fits() && capacityFromMemory - tokens < TIGHT_HEADROOM * capacityFromMemory;
    }
}
