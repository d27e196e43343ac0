package dev.kvlens.model.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * What follows the layer stack in each function (rules §4.3.3, "Tails"). The logits are f32 function outputs of
 * width V; they count only with a concrete lm-head vocab (§1.1). Phi's head LayerNorm runs in every function
 * (MLC {@code phi_model.py}: {@code PhiCausalLMHead} norms whatever it is given); in the every-row functions it
 * reuses a free token, so the library data cannot tell it apart from no norm.
 */
enum Tail {
    /** {@code prefill}: gather the one logit position [1, h], then logits [1, V]. */
    GATHER_ONE("@1"),
    /** {@code batch_prefill}: gather [B, h], then logits [B, V]. */
    GATHER_BATCH("@B"),
    /** {@code batch_verify}, {@code decode}, {@code batch_decode}: logits for every row, straight from the stack. */
    EVERY_ROW(""),
    /** {@code *_to_last_hidden_states}: the stack's result is the function output itself. */
    LAST_HIDDEN(null);

    private final String rows;

    Tail(String rows) {
        this.rows = rows;
    }

    /** The ops after the stack, reading {@code sequence.stackOutput()}. */
    List<Op> ops(LayerSequence sequence) {
        List<Op> ops = new ArrayList<>();
        if (rows == null) {
            return ops;
        }
        String from = sequence.stackOutput();
        if (!rows.isEmpty()) {
            ops.add(Op.parse("T:h" + rows + " <- " + from));
            from = "T";
        }
        if (sequence.headNorm()) {
            ops.add(Op.parse("L:h" + rows + " <- " + from));
            from = "L";
        }
        ops.add(Op.parse("logits:V" + rows + " <- " + from));
        return ops;
    }
}
