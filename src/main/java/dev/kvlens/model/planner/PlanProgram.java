package dev.kvlens.model.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One function's op sequence compiled for the planner (rules §4.3.1, §4.3.3): the prologue, a middle layer (every
 * layer but the last, the first included: its extra input, the unplanned embeddings, releases nothing) and the
 * last layer with the function's tail. Last uses are found on a three-layer unrolling, so they hold for any
 * layer count.
 *
 * @param prologue the ops before layer 0
 * @param middle   one layer that another layer follows
 * @param last     the last layer, then the tail
 * @param slots    the number of slots; slot 0 is the residual stream {@link Op#RESIDUAL}
 */
record PlanProgram(Segment prologue, Segment middle, Segment last, int slots) {

    static PlanProgram compile(LayerSequence sequence, Tail tail) {
        return compile(sequence.prologue(), sequence.layer(), tail.ops(sequence), tail == Tail.LAST_HIDDEN);
    }

    /**
     * Compiles any op sequence.
     *
     * @param returnLast whether the last layer's last op returns its first output (the function's result)
     */
    static PlanProgram compile(List<Op> prologue, List<Op> layer, List<Op> tail, boolean returnLast) {
        List<Op> lastLayer = new ArrayList<>(layer);
        if (returnLast) {
            int end = lastLayer.size() - 1;
            lastLayer.set(end, lastLayer.get(end).withFirstOutputReturned());
        }
        List<Op> flat = new ArrayList<>(prologue);
        flat.addAll(layer);
        flat.addAll(layer);
        flat.addAll(lastLayer);
        flat.addAll(tail);
        Map<String, Integer> slotIndex = new HashMap<>();
        slotIndex.put(Op.RESIDUAL, 0);
        for (Op op : flat) {
            op.outputs().forEach(o -> slotIndex.computeIfAbsent(o.slot(), k -> slotIndex.size()));
        }
        if (slotIndex.size() > PlanState.MAX_SLOTS) {
            throw new IllegalStateException("more than " + PlanState.MAX_SLOTS + " slots: " + slotIndex.keySet());
        }
        int start = prologue.size();
        int width = layer.size();
        return new PlanProgram(segment(flat, 0, start, slotIndex), segment(flat, start + width, start + 2 * width,
                slotIndex), segment(flat, start + 2 * width, flat.size(), slotIndex), slotIndex.size());
    }

    private static Segment segment(List<Op> flat, int from, int to, Map<String, Integer> slotIndex) {
        int n = to - from;
        int outs = 0;
        int ins = 0;
        for (Op op : flat.subList(from, to)) {
            outs += op.outputs().size();
            ins += op.inputs().size();
        }
        int[] outStart = new int[n + 1];
        int[] outSlot = new int[outs];
        int[] outSize = new int[outs];
        int[] outFlags = new int[outs];
        int[] inStart = new int[n + 1];
        int[] inSlot = new int[ins];
        boolean[] inLast = new boolean[ins];
        int o = 0;
        int in = 0;
        for (int i = 0; i < n; i++) {
            Op op = flat.get(from + i);
            outStart[i] = o;
            for (Op.Output out : op.outputs()) {
                outSlot[o] = out.slot().equals("logits") ? -1 : slotIndex.get(out.slot());
                outSize[o] = Segment.sizeIndex(out.rows(), out.width());
                boolean unread = !out.functionOutput() && !readBeforeWrite(flat, from + i + 1, out.slot());
                outFlags[o++] = (out.functionOutput() ? Segment.RETURNED : 0) | (unread ? Segment.UNREAD : 0);
            }
            inStart[i] = in;
            List<String> inputs = op.inputs();
            for (int j = 0; j < inputs.size(); j++) {
                String slot = inputs.get(j);
                boolean laterInSameOp = inputs.subList(j + 1, inputs.size()).contains(slot);
                boolean overwritten = op.outputs().stream().anyMatch(x -> x.slot().equals(slot));
                inSlot[in] = slotIndex.get(slot);
                inLast[in++] = !laterInSameOp && (overwritten || !readBeforeWrite(flat, from + i + 1, slot));
            }
        }
        outStart[n] = o;
        inStart[n] = in;
        return new Segment(outStart, outSlot, outSize, outFlags, inStart, inSlot, inLast);
    }

    /** Whether {@code slot}'s current tensor is read at or after op {@code from} before it is overwritten. */
    private static boolean readBeforeWrite(List<Op> flat, int from, String slot) {
        for (int i = from; i < flat.size(); i++) {
            Op op = flat.get(i);
            if (op.inputs().contains(slot)) {
                return true;
            }
            if (op.outputs().stream().anyMatch(o -> o.slot().equals(slot))) {
                return false;
            }
        }
        return false;
    }
}
