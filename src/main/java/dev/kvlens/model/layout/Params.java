package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.WeightTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A parameter list under construction, in the words of MLC's module tree: an {@code nn.Linear} with or
 * without bias, an RMSNorm (weight), a LayerNorm (weight and bias), an embedding table. Identical layers
 * are kept once with a multiplicity, so summing bytes costs one pass over the distinct tensors.
 */
final class Params {

    private final List<Layouts.Counted> entries = new ArrayList<>();

    List<Layouts.Counted> entries() {
        return entries;
    }

    Params add(WeightTensor tensor) {
        entries.add(new Layouts.Counted(tensor, 1));
        return this;
    }

    Params addAll(List<Layouts.Counted> more) {
        entries.addAll(more);
        return this;
    }

    /** An {@code nn.Linear(in, out, bias)}: its bias stays in the model dtype. */
    Params linear(String name, long out, long in, boolean bias) {
        add(WeightTensor.linear(name, out, in));
        if (bias) {
            add(WeightTensor.vector(name + ".bias", out));
        }
        return this;
    }

    /** An {@code nn.RMSNorm} (or any weight-only norm). */
    Params rmsNorm(String name, long size) {
        return add(WeightTensor.vector(name + ".weight", size));
    }

    /** An {@code nn.LayerNorm} with its default affine weight and bias. */
    Params layerNorm(String name, long size) {
        add(WeightTensor.vector(name + ".weight", size));
        return add(WeightTensor.vector(name + ".bias", size));
    }

    Params embedding(String name, long rows, long hidden) {
        return add(WeightTensor.embedding(name, rows, hidden));
    }

    Params finalFc(String name, long vocab, long hidden) {
        return add(WeightTensor.finalFc(name, vocab, hidden));
    }

    /** Appends {@code layer} as if written {@code times} times (identical layers). */
    Params repeat(Params layer, long times) {
        if (times > 0) {
            for (Layouts.Counted e : layer.entries) {
                entries.add(new Layouts.Counted(e.tensor(), e.times() * times));
            }
        }
        return this;
    }
}
