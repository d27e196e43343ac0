package dev.kvlens.model.explore;

import java.util.OptionalInt;

/**
 * What the user asks MLC to hold: B sequences (max_num_sequence) of up to L tokens each
 * (max_single_sequence_length, i.e. {@code serve --overrides context_window_size=L}). An empty value is left to MLC
 * (its per-mode B, its context window) and asks for nothing beyond MLC starting: an empty batch asks for one
 * sequence, an empty context for one token.
 *
 * @param batch    B, or empty for MLC's choice
 * @param context  L, or empty for MLC's choice
 */
public record Workload(OptionalInt batch, OptionalInt context) {

    /** Nothing asked: MLC's own B and L. */
    public static final Workload MLC_DEFAULTS = new Workload(OptionalInt.empty(), OptionalInt.empty());

    public Workload {
        if (batch.isPresent() && batch.getAsInt() <= 0 || context.isPresent() && context.getAsInt() <= 0) {
            throw new dev.kvlens.text.PhrasedException("model.check.workload");
        }
    }

    /** B sequences of L tokens. */
    public static Workload of(int batch, int context) {
        return new Workload(OptionalInt.of(batch), OptionalInt.of(context));
    }

    /** The tokens that must be resident at once: B × L (1 for what is left to MLC). */
    public long tokens() {
        return (long) batch.orElse(1) * context.orElse(1);
    }

    public Workload withBatch(int value) {
        return new Workload(OptionalInt.of(value), context);
    }

    public Workload withContext(int value) {
        return new Workload(batch, OptionalInt.of(value));
    }
}
