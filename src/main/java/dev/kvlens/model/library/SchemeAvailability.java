package dev.kvlens.model.library;

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
                throw new dev.kvlens.text.PhrasedException("model.check.noKind", t.mlcName(), kindName(q.kind()), q.name());
            }
            if (q.kind() == Quantization.Kind.AWQ && t.awqRaises()) {
                throw new dev.kvlens.text.PhrasedException("model.mlc.says", "AWQ is not implemented for Mixtral models.");
            }
        }
        if (q.kind() == Quantization.Kind.FASTER_TRANSFORMER && tp > 1) {
            throw new dev.kvlens.text.PhrasedException("model.check.ftSplit", q.name(), String.valueOf(tp));
        }
        if (q.kind() == Quantization.Kind.GROUP && q.knLayout() && tp > 1) {
            throw new dev.kvlens.text.PhrasedException("model.mlc.says", "KN layout (q3f16_0 and q4f16_0) is not supported for tensor parallelism");
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
