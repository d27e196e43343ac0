package dev.kvlens.model.library;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.architecture.WeightTensor;

import dev.kvlens.model.layout.Layouts;

import java.util.List;

/**
 * Parameter bytes of one tensor-parallel shard, exactly as MLC-LLM's compiled metadata sums them
 * (rules §1.1 and the byte layouts of §5). Pipeline parallelism is applied by the runtime (§3.4), not here.
 */
public final class ParameterBytes {

    private static final int WORD_BYTES = 4;
    private static final int F32_BYTES = 4;

    private ParameterBytes() {
    }

    /**
     * Sums a shard's parameters under a quantization scheme.
     *
     * @throws IllegalArgumentException when the layout is unknown, MLC refuses the scheme for this model
     *                                  type or shard count (§5), or a shape cannot be stored
     */
    public static long of(ModelGeometry geometry, Quantization quantization, int tensorParallelShards) {
        return of(geometry, quantization, tensorParallelShards, LayoutEra.CURRENT);
    }

    /** As {@link #of(ModelGeometry, Quantization, int)} for a library built with older model code (rules §1.3). */
    public static long of(ModelGeometry model, Quantization quantization, int tensorParallelShards, LayoutEra era) {
        SchemeAvailability.check(model, quantization, tensorParallelShards);
        ModelGeometry geometry = era.apply(model);
        long maxGate = era.moeGateMaxOutputs();
        List<Layouts.Counted> tensors = ParameterLayout.counted(geometry, tensorParallelShards);
        int blockSize = geometry.details().weightBlockSize() > 0 ? geometry.details().weightBlockSize()
                : quantization.groupSize();
        long total = 0;
        for (Layouts.Counted c : tensors) {
            total = Math.addExact(total,
                    Math.multiplyExact(bytes(c.tensor(), quantization, tensorParallelShards, blockSize, maxGate), c.times()));
        }
        return total;
    }

    /** Bytes of one tensor under a scheme (rules §5). */
    static long bytes(WeightTensor t, Quantization q, int tp, int blockSize, long maxGate) {
        if (t.noQuantization() && (q.kind() == Quantization.Kind.GROUP || q.kind() == Quantization.Kind.BLOCK_SCALE_FP8)) {
            return t.role() == WeightTensor.Role.VECTOR ? t.elements() * (t.float32() ? F32_BYTES : q.modelDtypeBytes())
                    : dense(t, q);
        }
        return switch (t.role()) {
            case VECTOR -> t.elements() * (t.float32() ? F32_BYTES : q.modelDtypeBytes());
            case EMBEDDING -> switch (q.kind()) {
                case GROUP -> q.quantizeEmbedding() ? grouped(t, q, tp) : dense(t, q);
                case FASTER_TRANSFORMER -> grouped(t, q.groupFallback(), tp);
                default -> dense(t, q);
            };
            case FINAL_FC -> switch (q.kind()) {
                case GROUP -> q.quantizeFinalFc() ? grouped(t, q, tp) : dense(t, q);
                case FASTER_TRANSFORMER -> grouped(t, q.groupFallback(), tp);
                default -> dense(t, q);
            };
            case LINEAR -> linear(t, q, tp, blockSize);
            // FT tests the CUTLASS conditions before the gate name (ft_quantization.py): an f32-output gate or
            // one whose outputs are not a multiple of 8 falls back to group quantization.
            case MOE_GATE -> {
                if (t.rows() > maxGate) {
                    yield linear(t, q, tp, blockSize); // not is_moe_gate in this era: an ordinary linear
                }
                yield q.kind() == Quantization.Kind.FASTER_TRANSFORMER && (t.float32() || t.rows() % 8 != 0)
                        ? grouped(t, q.groupFallback(), tp) : dense(t, q);
            }
            case EXPERTS -> experts(t, q, blockSize);
            case MLA_ABSORBED -> q.kind() == Quantization.Kind.BLOCK_SCALE_FP8
                    ? t.elements() + t.experts() * (t.rows() / blockSize) * (t.cols() / blockSize) * F32_BYTES
                    : dense(t, q);
        };
    }

    private static long linear(WeightTensor t, Quantization q, int tp, int blockSize) {
        long out = t.rows();
        long in = t.cols();
        return switch (q.kind()) {
            case NO_QUANT -> dense(t, q);
            case GROUP -> grouped(t, q, tp);
            // qweight [in, out/8] u32, qzeros [in/gs, out/8] u32, scales [in/gs, out] model dtype
            case AWQ -> in * (out / q.elementsPerWord()) * WORD_BYTES
                    + (in / q.groupSize()) * (out / q.elementsPerWord()) * WORD_BYTES
                    + (in / q.groupSize()) * out * q.modelDtypeBytes();
            // CUTLASS needs out % 8 == 0 and f16 output; otherwise MLC falls back to group quantization.
            case FASTER_TRANSFORMER -> t.float32() || out % 8 != 0
                    ? grouped(t, q.groupFallback(), tp)
                    : in * ceilDiv(out, 2) + out * q.modelDtypeBytes();
            case PER_TENSOR_FP8 -> out * in + perTensorScaleBytes(q);
            case BLOCK_SCALE_FP8 -> out * in + ceilDiv(out, blockSize) * ceilDiv(in, blockSize) * F32_BYTES
                    + (q.staticActivationScale() ? ceilDiv(in, blockSize) * F32_BYTES : 0);
        };
    }

    /** MixtralExperts: FT and AWQ leave them in the model dtype (their mutators skip the module). */
    private static long experts(WeightTensor t, Quantization q, int blockSize) {
        long e = t.experts();
        return switch (q.kind()) {
            case NO_QUANT, FASTER_TRANSFORMER, AWQ -> dense(t, q);
            case GROUP -> {
                if (q.knLayout()) {
                    throw new dev.kvlens.text.PhrasedException("model.mlc.says", "GroupQuantizeMixtralExperts does not support KN layout now.");
                }
                yield e * t.rows() * ceilDiv(t.cols(), q.groupSize())
                        * ((long) q.wordsPerGroup() * WORD_BYTES + q.modelDtypeBytes());
            }
            case PER_TENSOR_FP8 -> t.elements() + perTensorScaleBytes(q);
            case BLOCK_SCALE_FP8 -> t.elements()
                    + e * ceilDiv(t.rows(), blockSize) * ceilDiv(t.cols(), blockSize) * F32_BYTES;
        };
    }

    /** e4m3 schemes keep an f32 scale per tensor, the "inference" calibration one more (rules §5). */
    private static long perTensorScaleBytes(Quantization q) {
        if (q.name().startsWith("e5m2")) {
            return 0;
        }
        return q.name().endsWith("_max_calibrate") ? F32_BYTES : 2L * F32_BYTES;
    }

    /** Group quantization: q_weight [rows, groups × words] u32 + q_scale [rows, groups] in model dtype. */
    private static long grouped(WeightTensor t, Quantization q, int tp) {
        long groups = ceilDiv(t.cols(), q.groupSize());
        if (t.role() == WeightTensor.Role.LINEAR && tp > 1 && (t.cols() * tp / q.groupSize()) % tp != 0) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", "The linear dimension " + t.cols() * tp + " of " + t.name() + " has "
                    + t.cols() * tp / q.groupSize() + " groups under group size " + q.groupSize()
                    + ". The groups cannot be evenly distributed on " + tp + " GPUs.");
        }
        return t.rows() * groups * ((long) q.wordsPerGroup() * WORD_BYTES + q.modelDtypeBytes());
    }

    private static long dense(WeightTensor t, Quantization q) {
        return t.elements() * q.modelDtypeBytes();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
