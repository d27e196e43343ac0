package dev.kvlens.model;

/**
 * One parameter of a model before quantization, with its per-shard shape.
 *
 * @param name       MLC's parameter name (for explanations)
 * @param role       what kind of tensor it is, which decides how a scheme stores it
 * @param rows       out_features for linears, vocab for embeddings, length for vectors
 * @param cols       in_features for linears, hidden for embeddings, 1 for vectors
 * @param float32    linears: declared with {@code out_dtype="float32"}; vectors: stored as f32
 */
public record WeightTensor(String name, Role role, long rows, long cols, boolean float32) {

    /** Tensor roles that quantization schemes treat differently (rules §5). */
    public enum Role { LINEAR, FINAL_FC, EMBEDDING, VECTOR }

    static WeightTensor linear(String name, long out, long in) {
        return new WeightTensor(name, Role.LINEAR, out, in, false);
    }

    static WeightTensor linearF32Out(String name, long out, long in) {
        return new WeightTensor(name, Role.LINEAR, out, in, true);
    }

    static WeightTensor finalFc(String name, long out, long in) {
        return new WeightTensor(name, Role.FINAL_FC, out, in, false);
    }

    static WeightTensor embedding(String name, long vocab, long hidden) {
        return new WeightTensor(name, Role.EMBEDDING, vocab, hidden, false);
    }

    static WeightTensor vector(String name, long length) {
        return new WeightTensor(name, Role.VECTOR, length, 1, false);
    }

    static WeightTensor vectorF32(String name, long length) {
        return new WeightTensor(name, Role.VECTOR, length, 1, true);
    }
}
