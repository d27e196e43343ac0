package dev.kvlens.model.architecture;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of MLC-LLM's quantization registry (rules §5, {@code quantization/quantization.py}).
 *
 * @param name              the registry name, e.g. {@code q4f16_1}
 * @param kind              how weights are stored
 * @param modelDtypeBytes   bytes of the model dtype (f16/bf16 = 2, f32 = 4); also the real KV dtype
 * @param bits              quantized bits per weight (3, 4 or 8); 16/32 for no-quant
 * @param groupSize         elements per scale group (group and AWQ kinds), 0 otherwise
 * @param quantizeEmbedding whether the embedding table is quantized
 * @param quantizeFinalFc   whether the final projection (lm_head) is quantized
 */
public record Quantization(
        String name,
        Kind kind,
        int modelDtypeBytes,
        int bits,
        int groupSize,
        boolean quantizeEmbedding,
        boolean quantizeFinalFc) {

    /** Storage families, each with its own byte layout (rules §5). */
    public enum Kind { NO_QUANT, GROUP, AWQ, FASTER_TRANSFORMER, PER_TENSOR_FP8, BLOCK_SCALE_FP8 }

    public Quantization {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** All schemes of the current registry plus the block-scale fp8 ones, in registry order. */
    public static final List<Quantization> ALL = List.of(
            noQuant("q0f16", 2),
            noQuant("q0bf16", 2),
            noQuant("q0f32", 4),
            group("q3f16_0", 2, 3, 40, true),
            group("q3f16_1", 2, 3, 40, true),
            group("q4f16_0", 2, 4, 32, true),
            group("q4f16_1", 2, 4, 32, true),
            group("q4bf16_0", 2, 4, 32, true),
            group("q4bf16_1", 2, 4, 32, true),
            group("q4f32_1", 4, 4, 32, true),
            group("q4f16_2", 2, 4, 32, false),
            new Quantization("q4f16_autoawq", Kind.AWQ, 2, 4, 128, false, false),
            new Quantization("q4f16_ft", Kind.FASTER_TRANSFORMER, 2, 4, 0, true, true),
            new Quantization("e5m2_e5m2_f16", Kind.PER_TENSOR_FP8, 2, 8, 0, false, false),
            new Quantization("e4m3_e4m3_f16", Kind.PER_TENSOR_FP8, 2, 8, 0, false, false),
            new Quantization("e4m3_e4m3_f16_max_calibrate", Kind.PER_TENSOR_FP8, 2, 8, 0, false, false),
            new Quantization("fp8_e4m3fn_bf16_block_scale", Kind.BLOCK_SCALE_FP8, 2, 8, 128, false, false),
            new Quantization("fp8_e4m3fn_bf16_block_scale_static_activation",
                    Kind.BLOCK_SCALE_FP8, 2, 8, 128, false, false));

    /** Looks a scheme up by its registry name (case-insensitive). */
    public static Optional<Quantization> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(q -> q.name.equals(wanted)).findFirst();
    }

    /** Looks a scheme up or throws with the list of known names. */
    public static Quantization require(String name) {
        return byName(name).orElseThrow(() -> new dev.kvlens.text.PhrasedException("model.check.unknownScheme", name,
                String.join(", ", ALL.stream().map(Quantization::name).toList())));
    }

    /** The group scheme that FasterTransformer falls back to: int4, group 32, NK (rules §5). */
    public Quantization groupFallback() {
        return group(name, modelDtypeBytes, 4, 32, true);
    }

    /** Whether linear weights are stored transposed: the {@code _0} group schemes (rules §5). */
    public boolean knLayout() {
        return kind == Kind.GROUP && name.endsWith("_0");
    }

    /** Whether block-scale also stores an f32 activation scale per input block of each linear (rules §5). */
    public boolean staticActivationScale() {
        return kind == Kind.BLOCK_SCALE_FP8 && name.endsWith("_static_activation");
    }

    /** Elements packed per 32-bit storage word ({@code 32 / bits}). */
    public int elementsPerWord() {
        return 32 / bits;
    }

    /** 32-bit storage words per scale group. */
    public int wordsPerGroup() {
        return groupSize / elementsPerWord();
    }

    private static Quantization noQuant(String name, int dtypeBytes) {
        return new Quantization(name, Kind.NO_QUANT, dtypeBytes, dtypeBytes * 8, 0, false, false);
    }

    private static Quantization group(String name, int dtypeBytes, int bits, int groupSize, boolean quantizeTables) {
        return new Quantization(name, Kind.GROUP, dtypeBytes, bits, groupSize, quantizeTables, quantizeTables);
    }
}
