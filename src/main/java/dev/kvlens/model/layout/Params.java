package dev.kvlens.model.layout;

import dev.kvlens.model.WeightTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A parameter list under construction, in the words of MLC's module tree: an {@code nn.Linear} with or
 * without bias, an RMSNorm (weight), a LayerNorm (weight and bias), an embedding table.
 */
final class Params {

    private final List<WeightTensor> tensors = new ArrayList<>();

    List<WeightTensor> list() {
        return tensors;
    }

    Params add(WeightTensor tensor) {
        tensors.add(tensor);
        return this;
    }

    Params addAll(List<WeightTensor> more) {
        tensors.addAll(more);
        return this;
    }

    /** An {@code nn.Linear(in, out, bias)}: its bias stays in the model dtype. */
    Params linear(String name, long out, long in, boolean bias) {
        tensors.add(WeightTensor.linear(name, out, in));
        if (bias) {
            tensors.add(WeightTensor.vector(name + ".bias", out));
        }
        return this;
    }

    /** An {@code nn.RMSNorm} (or any weight-only norm). */
    Params rmsNorm(String name, long size) {
        tensors.add(WeightTensor.vector(name + ".weight", size));
        return this;
    }

    /** An {@code nn.LayerNorm} with its default affine weight and bias. */
    Params layerNorm(String name, long size) {
        tensors.add(WeightTensor.vector(name + ".weight", size));
        tensors.add(WeightTensor.vector(name + ".bias", size));
        return this;
    }

    Params embedding(String name, long rows, long hidden) {
        tensors.add(WeightTensor.embedding(name, rows, hidden));
        return this;
    }

    Params finalFc(String name, long vocab, long hidden) {
        tensors.add(WeightTensor.finalFc(name, vocab, hidden));
        return this;
    }

    /** Appends {@code layer} {@code times} times (identical layers). */
    Params repeat(Params layer, int times) {
        for (int n = 0; n < times; n++) {
            tensors.addAll(layer.tensors);
        }
        return this;
    }
}
