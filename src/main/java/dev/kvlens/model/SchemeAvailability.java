package dev.kvlens.model;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.model.architecture.Quantization;

import java.util.Optional;

/**
 * The scheme / model-type / tensor-parallel combinations {@code mlc_llm compile} refuses (rules §5):
 * a quantization kind missing from the type's quantize table ({@code KeyError}), Mixtral's AWQ stub, and
 * the TP restrictions of {@code interface/compile.py}. Errors are {@link IllegalArgumentException}s
 * whose message quotes MLC's own text where it has one.
 */
public final class SchemeAvailability {

    private SchemeAvailability() {
    }

    /** Throws when MLC would refuse to compile this model type with the scheme on {@code tp} GPUs. */
    public static void check(ModelGeometry geometry, Quantization q, int tp) {
        Optional<ModelType> type = geometry.registryType();
        if (type.isPresent()) {
            ModelType t = type.get();
            if (!t.accepts(q.kind())) {
                throw new IllegalArgumentException("model type '" + t.mlcName() + "' has no " + kindName(q.kind())
                        + " quantization in MLC, so mlc_llm compile fails for " + q.name() + " (KeyError: '"
                        + kindName(q.kind()) + "')");
            }
            if (q.kind() == Quantization.Kind.AWQ && t.awqRaises()) {
                throw new IllegalArgumentException("AWQ is not implemented for Mixtral models.");
            }
        }
        if (q.kind() == Quantization.Kind.FASTER_TRANSFORMER && tp > 1) {
            throw new IllegalArgumentException(q.name() + " (FasterTransformer) cannot be split over "
                    + tp + " GPUs: mlc_llm compile raises NotImplementedError for ft-quant with tensor_parallel_shards > 1");
        }
        if (q.kind() == Quantization.Kind.GROUP && q.knLayout() && tp > 1) {
            throw new IllegalArgumentException("KN layout (q3f16_0 and q4f16_0) is not supported for tensor parallelism");
        }
    }

    /** MLC's name of a quantization kind (the key of a model's quantize table). */
    public static String kindName(Quantization.Kind kind) {
        return switch (kind) {
            case NO_QUANT -> "no-quant";
            case GROUP -> "group-quant";
            case AWQ -> "awq";
            case FASTER_TRANSFORMER -> "ft-quant";
            case PER_TENSOR_FP8 -> "per-tensor-quant";
            case BLOCK_SCALE_FP8 -> "block-scale-quant";
        };
    }
}
