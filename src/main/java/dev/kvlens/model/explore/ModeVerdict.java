package dev.kvlens.model.explore;

import dev.kvlens.model.Backend;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.KvCacheEstimator;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.engine.PhysicalAllocation;
import dev.kvlens.text.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to "will it fit my card?" for one engine mode: whether MLC starts (rules §3.5 step 4; era C stops when
 * any mode fails, §6), whether what the runtime then really allocates (§3.9, {@link PhysicalAllocation}) fits the
 * device, how much is left, and what limits the KV cache (step 5). A user-given KV capacity is taken unchecked by MLC's
 * estimate (step 5); when it exceeds the budget the verdict says so, and when the allocation exceeds the device it
 * says that MLC would start but the allocation fails.
 *
 * @param mode                    the engine mode
 * @param selected                whether it is the scenario's mode
 * @param status                  the verdict
 * @param limit                   what bounds T
 * @param maxTotalSequenceLength  T, MLC's KV cache token capacity (0 when MLC stops)
 * @param deviceBytes             G as MLC sees it (§3.2)
 * @param budgetBytes             G × gpu_memory_utilization
 * @param estimatedBytes          MLC's "Estimated total" (when MLC stops: everything but the KV pages)
 * @param physicalBytes           the estimate plus what the runtime allocates beyond it (§3.9); empty for RNN state
 * @param leftBytes               G minus the physical figure (minus the estimate where there is none); negative when
 *                                the allocation exceeds the device
 * @param overBudgetBytes         how far a user-given KV capacity takes the estimate beyond the budget, else 0
 * @param stoppedBy               the other mode whose failure stops MLC (era C), if that is why it does not fit
 */
public record ModeVerdict(EngineMode mode, boolean selected, Status status, Limit limit, long maxTotalSequenceLength,
                          long deviceBytes, double budgetBytes, double estimatedBytes, OptionalDouble physicalBytes,
                          double leftBytes, double overBudgetBytes, Optional<EngineMode> stoppedBy) {

    /** Less than this share of the device left counts as tight. */
    public static final double TIGHT_HEADROOM = 0.05;

    /** The verdict. */
    public enum Status {
        /** MLC starts and the allocation leaves at least 5 % of the device. */
        FITS,
        /** MLC starts and the allocation fits, with less than 5 % of the device left. */
        TIGHT,
        /** MLC stops with its insufficient-memory error. */
        DOES_NOT_FIT,
        /** MLC's estimate lets it start, but what it allocates exceeds the device. */
        ALLOCATION_FAILS
    }

    /** What bounds the KV cache token capacity T (rules §3.5 step 5). */
    public enum Limit { BUDGET, CONTEXT, LOCAL_CAP, BATCH, METAL_CAP, USER_CAPACITY, RNN_STATE }

    /** The verdict of every mode MLC evaluated, in MLC's order. */
    public static List<ModeVerdict> of(Estimate estimate) {
        List<ModeVerdict> verdicts = new ArrayList<>();
        for (ModeEstimate m : estimate.modes()) {
            verdicts.add(of(estimate, m));
        }
        return verdicts;
    }

    /** The verdict of one mode of an estimate. */
    public static ModeVerdict of(Estimate estimate, ModeEstimate m) {
        boolean rnn = estimate.stateKind() == Estimate.StateKind.RNN_STATE;
        // era C stops at the first failing mode whichever is selected (Estimate.failure)
        Optional<EngineMode> stoppedBy = estimate.rules().onlySelectedModeCanFail() || rnn ? Optional.empty()
                : estimate.modes().stream().filter(x -> !x.fits()).map(ModeEstimate::mode).findFirst()
                .filter(failing -> failing != m.mode());
        boolean starts = m.fits() && stoppedBy.isEmpty();
        OptionalDouble physical = starts && !rnn
                ? OptionalDouble.of(m.totalBytes() + PhysicalAllocation.of(estimate, m).differenceBytes())
                : OptionalDouble.empty();
        long device = estimate.deviceBytes();
        double left = device - physical.orElse(m.totalBytes());
        Status status = !starts ? Status.DOES_NOT_FIT : left < 0 ? Status.ALLOCATION_FAILS
                : left < TIGHT_HEADROOM * device ? Status.TIGHT : Status.FITS;
        double overBudget = starts ? Math.max(0, m.totalBytes() - m.availableBytes()) : 0;
        return new ModeVerdict(m.mode(), m.mode() == estimate.selectedMode(), status, limit(estimate, m, rnn),
                starts ? m.maxTotalSequenceLength() : 0, device, m.availableBytes(), m.totalBytes(), physical, left,
                overBudget, stoppedBy);
    }

    private static Limit limit(Estimate estimate, ModeEstimate m, boolean rnn) {
        if (rnn) {
            return Limit.RNN_STATE;
        }
        if (m.capacitySpecifiedByUser()) {
            return Limit.USER_CAPACITY;
        }
        if (m.maxTotalSequenceLength() >= m.capacityFromMemory()) {
            return estimate.scenario().device().backend() == Backend.METAL
                    && m.capacityFromMemory() == Backend.METAL_MAX_TOTAL_SEQUENCE_LENGTH ? Limit.METAL_CAP : Limit.BUDGET;
        }
        return switch (m.mode()) {
            case LOCAL -> m.maxTotalSequenceLength() == KvCacheEstimator.LOCAL_MAX_TOTAL_SEQUENCE_LENGTH
                    && m.maxSingleSequenceLength() > KvCacheEstimator.LOCAL_MAX_TOTAL_SEQUENCE_LENGTH
                    ? Limit.LOCAL_CAP : Limit.CONTEXT;
            case INTERACTIVE -> Limit.CONTEXT;
            case SERVER -> Limit.BATCH;
        };
    }

    /** The verdict in a few words, for a table cell: "fits, 14.94 GiB left". */
    public Phrase shortPhrase() {
        return status == Status.FITS || status == Status.TIGHT
                ? Phrase.of("verdict.short." + status.name(), new Phrase.Gib(leftBytes))
                : Phrase.of("verdict.short." + status.name());
    }

    /** The verdict in words: a message key and its arguments. */
    public Phrase phrase() {
        Object name = selected ? Phrase.of("verdict.selectedMode", mode.mlcName()) : mode.mlcName();
        Object budget = overBudgetBytes > 0 ? Phrase.of("verdict.clause.overBudget", maxTotalSequenceLength,
                new Phrase.Gib(overBudgetBytes), new Phrase.Gib(budgetBytes)) : "";
        Object held = physicalBytes.isPresent() ? Phrase.of("verdict.physical", new Phrase.Gib(physicalBytes.getAsDouble()))
                : Phrase.of("verdict.physicalUnknown");
        return switch (status) {
            case FITS, TIGHT -> Phrase.of(status == Status.FITS ? "verdict.fits" : "verdict.tight", name,
                    new Phrase.Gib(leftBytes), new Phrase.Gib(deviceBytes), maxTotalSequenceLength,
                    Phrase.of("verdict.limit." + limit.name()), new Phrase.Gib(estimatedBytes), held, budget);
            case ALLOCATION_FAILS -> Phrase.of("verdict.allocationFails", name,
                    new Phrase.Gib(physicalBytes.orElse(estimatedBytes)), new Phrase.Gib(deviceBytes),
                    new Phrase.Gib(estimatedBytes), budget);
            case DOES_NOT_FIT -> stoppedBy.isPresent()
                    ? Phrase.of("verdict.stoppedByOtherMode", name, stoppedBy.get().mlcName())
                    : Phrase.of("verdict.doesNotFit", name, new Phrase.Gib(estimatedBytes),
                    new Phrase.Gib(Math.max(0, estimatedBytes - budgetBytes)), new Phrase.Gib(budgetBytes),
                    new Phrase.Gib(deviceBytes));
        };
    }
}
