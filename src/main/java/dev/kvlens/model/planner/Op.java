package dev.kvlens.model.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * One call of MLC's lowered op sequence (rules §4.3.3): the tensors it writes (requested from the planner before
 * its inputs are released, §4.3.1) and the slots it reads. Slots are register names ({@code A}, {@code B}, …,
 * {@code D1}, {@code H1}); a write starts a new tensor in the slot. Parsed from the rules' notation, e.g.
 * {@code "E:h, D:h <- D1, H"} for the fused add + RMSNorm with its two outputs (normed, sum);
 * {@code "T:h@B <- A"} is a B-row gather; an output named {@code logits} is a function output.
 *
 * @param outputs the tensors written, in output order
 * @param inputs  the slots read, in argument order
 */
record Op(List<Output> outputs, List<String> inputs) {

    /** Name of the slot holding {@code cur}, the residual stream; it holds the function's input before layer 0. */
    static final String RESIDUAL = "H";

    /**
     * A tensor an op writes.
     *
     * @param slot           where it is kept, or {@code logits}
     * @param width          its row width
     * @param rows           its row count
     * @param functionOutput whether the function returns it (own storage, never pooled, §4.3.1)
     */
    record Output(String slot, Width width, Rows rows, boolean functionOutput) {
        Output asFunctionOutput() {
            return new Output(slot, width, rows, true);
        }
    }

    Op {
        outputs = List.copyOf(outputs);
        inputs = List.copyOf(inputs);
    }

    /** Parses {@code "OUT[:width[@1|@B]], … <- IN, …"}. */
    static Op parse(String text) {
        String[] sides = text.split("<-");
        List<Output> outputs = new ArrayList<>();
        for (String out : sides[0].split(",")) {
            String[] parts = out.trim().split("[:@]");
            Rows rows = parts.length < 3 ? Rows.TOKENS : parts[2].equals("1") ? Rows.ONE : Rows.BATCH;
            outputs.add(new Output(parts[0], Width.of(parts[1]), rows, parts[0].equals("logits")));
        }
        List<String> inputs = new ArrayList<>();
        for (String in : sides[1].split(",")) {
            inputs.add(in.trim());
        }
        return new Op(outputs, inputs);
    }

    /** This op with its first output returned by the function ({@code *_to_last_hidden_states}, §4.3.3). */
    Op withFirstOutputReturned() {
        List<Output> changed = new ArrayList<>(outputs);
        changed.set(0, changed.get(0).asFunctionOutput());
        return new Op(changed, inputs);
    }
}
