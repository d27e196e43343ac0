package dev.kvlens.model.architecture;

/**
 * One parameter of a model before quantization, with its per-shard shape.
 *
 * @param name       MLC's parameter name (for explanations)
 * @param role       what kind of tensor it is, which decides how a scheme stores it
 * @param experts    leading dimension of stacked tensors: experts (MoE) or heads (MLA's w_uk/w_uv); 1 otherwise
 * @param rows       out_features for linears, vocab for embeddings, length for vectors
 * @param cols       in_features for linears, hidden for embeddings, 1 for vectors
 * @param float32    linears: declared with {@code out_dtype="float32"}; vectors: stored as f32
 * @param noQuantization inside a module marked {@code no_quantization} (CLIP towers): group and block-scale
 *                   quantization skip it; FT, AWQ and per-tensor mutators do not look at the mark (rules §5)
 */
public record WeightTensor(String name, Role role, long experts, long rows, long cols, boolean float32,
                           boolean noQuantization) {

    /** Tensor roles that quantization schemes treat differently (rules §5). */
    public enum Role {
        /** An {@code nn.Linear}. */
        LINEAR,
        /** A linear named {@code head}, {@code lm_head}, {@code lm_head.linear} or {@code embed_out}. */
        FINAL_FC,
        /** An {@code nn.Embedding}. */
        EMBEDDING,
        /** Norms, biases and raw parameters: always stored in the model dtype (or f32). */
        VECTOR,
        /** {@code MixtralExperts} [E, out, in]: quantized by group, per-tensor and block-scale only. */
        EXPERTS,
        /** A linear whose name ends in {@code gate}: unquantized within the era's output bound (FT: see §5). */
        MOE_GATE,
        /** MLA's absorbed {@code w_uk}/{@code w_uv} [heads, rows, cols]: converted only by block-scale. */
        MLA_ABSORBED
    }

    /** MLC's {@code is_moe_gate} bound: a gate with more outputs is an ordinary linear (since 1434760b). */
    public static final long MOE_GATE_MAX_OUTPUTS = 256;

    public WeightTensor(String name, Role role, long rows, long cols, boolean float32) {
        this(name, role, 1, rows, cols, float32, false);
    }

    public WeightTensor(String name, Role role, long experts, long rows, long cols, boolean float32) {
        this(name, role, experts, rows, cols, float32, false);
    }

    /** The same tensor inside a {@code no_quantization} module. */
    public WeightTensor unquantizedModule() {
        return new WeightTensor(name, role, experts, rows, cols, float32, true);
    }

    /** Elements before quantization. */
    public long elements() {
        return experts * rows * cols;
    }

    public static WeightTensor linear(String name, long out, long in) {
        return new WeightTensor(name, Role.LINEAR, out, in, false);
    }

    public static WeightTensor linearF32Out(String name, long out, long in) {
        return new WeightTensor(name, Role.LINEAR, out, in, true);
    }

    public static WeightTensor finalFc(String name, long out, long in) {
        return new WeightTensor(name, Role.FINAL_FC, out, in, false);
    }

    public static WeightTensor embedding(String name, long vocab, long hidden) {
        return new WeightTensor(name, Role.EMBEDDING, vocab, hidden, false);
    }

    public static WeightTensor vector(String name, long length) {
        return new WeightTensor(name, Role.VECTOR, length, 1, false);
    }

    public static WeightTensor vectorF32(String name, long length) {
        return new WeightTensor(name, Role.VECTOR, length, 1, true);
    }

    /**
     * A linear named {@code …gate}: unquantized while its outputs are within the era's bound (≤ 256 now,
     * rules §5, §1.3); {@link dev.kvlens.model.library.ParameterBytes} applies the bound.
     */
    public static WeightTensor gate(String name, long out, long in, boolean f32Out) {
        return new WeightTensor(name, Role.MOE_GATE, 1, out, in, f32Out);
    }

    public static WeightTensor experts(String name, long experts, long out, long in) {
        return new WeightTensor(name, Role.EXPERTS, experts, out, in, false);
    }

    public static WeightTensor mlaAbsorbed(String name, long heads, long rows, long cols) {
        return new WeightTensor(name, Role.MLA_ABSORBED, heads, rows, cols, false);
    }
}
