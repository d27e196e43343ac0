package dev.kvlens.model.layout;

import dev.kvlens.model.architecture.ModelFamily;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.WeightTensor;

import java.util.List;

/**
 * Dispatches a geometry to its family's layout (rules §10). Families whose layout KV Lens does not
 * model yet are refused with the way out.
 */
public final class Layouts {

    private Layouts() {
    }

    /** A parameter and how many identical copies of it the model has (one per identical layer). */
    public record Counted(WeightTensor tensor, long times) {
    }

    /** One shard's parameters; the caller has checked that heads and MLP width split. */
    public static List<Counted> of(ModelGeometry g, int tp) {
        requireDetails(g);
        return switch (g.family()) {
            case LLAMA, MISTRAL, MINISTRAL3, QWEN2, QWEN3, PHI3, GEMMA, GEMMA2, INTERNLM, INTERNLM2, BAICHUAN,
                 ORION, STABLELM, OLMO, OLMO2, COHERE, NEMOTRON -> DecoderLayouts.of(g, tp);
            case MINICPM -> g.details().moe() == null ? DecoderLayouts.of(g, tp) : MoeLayouts.of(g, tp);
            case MIXTRAL, QWEN2_MOE, QWEN3_MOE, DEEPSEEK, LLAMA4 -> MoeLayouts.of(g, tp);
            case GEMMA3 -> AttentionVariantLayouts.gemma3(g, tp);
            case DEEPSEEK_V2 -> AttentionVariantLayouts.deepseekV2(g, tp);
            case QWEN3_5 -> AttentionVariantLayouts.qwen35(g, tp);
            case GPT2 -> ClassicLayouts.gpt2(g, tp);
            case GPT_BIGCODE -> ClassicLayouts.gptBigCode(g, tp);
            case GPTJ -> ClassicLayouts.gptj(g);
            case QWEN -> ClassicLayouts.qwen(g, tp);
            case CHATGLM -> ClassicLayouts.chatglm(g, tp);
            case STARCODER2 -> ClassicLayouts.starcoder2(g, tp);
            case BERT -> ClassicLayouts.bert(g, tp);
            case GPT_NEOX -> ClassicLayouts.gptNeoX(g, tp);
            case PHI -> ClassicLayouts.phi(g, tp);
            case EAGLE -> DraftLayouts.eagle(g, tp);
            case MEDUSA -> DraftLayouts.medusa(g);
            case RWKV -> RwkvLayouts.of(g);
            case PHI3V -> VisionLayouts.phi3v(g, tp);
            case LLAVA -> VisionLayouts.llava(g, tp);
            case UNKNOWN -> throw unknown(g);
        };
    }

    private static void requireDetails(ModelGeometry g) {
        ModelFamily f = g.family();
        boolean missing = switch (f) {
            case MIXTRAL, QWEN2_MOE, QWEN3_MOE, LLAMA4 -> g.details().moe() == null;
            case DEEPSEEK_V2 -> g.details().mla() == null;
            case QWEN3_5 -> g.details().linearAttention() == null;
            case MEDUSA -> g.details().draft() == null;
            case PHI3V, LLAVA -> g.details().vision() == null;
            case GPT2, GPT_BIGCODE, BERT -> g.details().learnedPositions() <= 0;
            default -> false;
        };
        boolean needsIntermediate = switch (f) {
            case MIXTRAL, QWEN2_MOE, QWEN3_MOE, MEDUSA, RWKV -> false;
            default -> true;
        };
        if (missing || (needsIntermediate && g.intermediateSize() <= 0)) {
            throw new dev.kvlens.text.PhrasedException("model.check.layoutFields", g.modelType());
        }
    }

    private static IllegalArgumentException unknown(ModelGeometry g) {
        return new dev.kvlens.text.PhrasedException("model.check.layoutUnknown", g.modelType());
    }
}
