package dev.kvlens.model.library;

import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.model.architecture.WeightTensor;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The MLC model code a library was built with, where it changes the parameter layout for the same HF
 * checkpoint (rules §1.3 "era-dependent parameter layouts", §6): model files that built a separate lm_head
 * whatever {@code tie_word_embeddings} said, and the MoE-gate exemption from quantization. A rule-set
 * option chosen by build date; {@link #CURRENT} is the verified commit.
 *
 * @param builtOn the date of the mlc-llm commit the library was compiled with
 */
public record LayoutEra(LocalDate builtOn) {

    /** 79d603f0 (2026-07-23), the commit the rules were verified at. */
    public static final LayoutEra CURRENT = new LayoutEra(LocalDate.of(2026, 7, 23));

    /** a6d31d7f: linears named {@code …gate} kept unquantized. */
    static final LocalDate GATES_UNQUANTIZED = LocalDate.of(2024, 3, 26);
    /** abd7d518: … only with integer out_features ≤ 64. */
    static final LocalDate GATES_UP_TO_64 = LocalDate.of(2024, 6, 2);
    /** 1434760b: … ≤ 256. */
    static final LocalDate GATES_UP_TO_256 = LocalDate.of(2025, 4, 6);

    public LayoutEra {
        Objects.requireNonNull(builtOn, "builtOn");
    }

    /** The era of a build date. */
    public static LayoutEra builtOn(LocalDate date) {
        return new LayoutEra(date);
    }

    /**
     * Whether this type's model file still built a separate lm_head although the config ties it:
     * llama (and mixtral, llava's Llama text model, which inherit it) until 52c06388 (2024-07-16),
     * qwen2 until 9be4b928 (2024-06-06), minicpm until 38ee5564 (2024-08-15), phi3 until 46f9bc4e (2025-06-30).
     */
    public boolean separateHeadWhateverTheConfig(ModelType type) {
        LocalDate since = switch (type) {
            case LLAMA, MIXTRAL, LLAVA -> LocalDate.of(2024, 7, 16);
            case QWEN2 -> LocalDate.of(2024, 6, 6);
            case MINICPM -> LocalDate.of(2024, 8, 15);
            case PHI3 -> LocalDate.of(2025, 6, 30);
            default -> null;
        };
        return since != null && builtOn.isBefore(since);
    }

    /**
     * The largest out_features an MoE gate may have and stay unquantized in this era: 0 before
     * a6d31d7f (gates quantized like any linear), unbounded until abd7d518, then 64, then 256.
     */
    public long moeGateMaxOutputs() {
        if (builtOn.isBefore(GATES_UNQUANTIZED)) {
            return 0;
        }
        if (builtOn.isBefore(GATES_UP_TO_64)) {
            return Long.MAX_VALUE;
        }
        return builtOn.isBefore(GATES_UP_TO_256) ? 64 : WeightTensor.MOE_GATE_MAX_OUTPUTS;
    }

    /** The geometry as this era's model file sees it: untied when the file ignored the tie. */
    public ModelGeometry apply(ModelGeometry g) {
        boolean untie = g.tieWordEmbeddings() && g.registryType().map(this::separateHeadWhateverTheConfig).orElse(false);
        if (!untie) {
            return g;
        }
        return new ModelGeometry(g.modelType(), g.family(), g.numHiddenLayers(), g.numAttentionHeads(),
                g.numKeyValueHeads(), g.headDim(), g.hiddenSize(), g.intermediateSize(), g.vocabSize(), false,
                g.attentionBias(), g.details());
    }

    /** 23636e5c: prefill defaults capped at 2048 instead of = context. */
    static final LocalDate PREFILL_CAPPED = LocalDate.of(2024, 5, 5);
    /** 66fd62df: caps raised to 8192 for 20 model files; gen_config max_batch_size 80 → 128. */
    static final LocalDate PREFILL_8192 = LocalDate.of(2024, 9, 18);
    /** 8477ac0c: internlm2 back to 2048. */
    static final LocalDate INTERNLM2_2048 = LocalDate.of(2024, 12, 6);

    /**
     * The prefill cap gen_config's model file applied in this era (rules §2.2 history), or 0 when the
     * prefill defaulted to the whole context (before 2024-05-05); {@code current} is today's cap.
     */
    int prefillCap(ModelType type, int current) {
        boolean changedIn66fd62df = switch (type) {
            case LLAMA, MISTRAL, GEMMA, GPT2, GPT_BIGCODE, GPT_NEOX, QWEN, QWEN2, STABLELM, BAICHUAN, INTERNLM, ORION,
                 CHATGLM, PHI, COHERE, INTERNLM2, MINICPM, PHI3, PHI3_V, STARCODER2 -> true;
            default -> false;
        };
        if (!changedIn66fd62df) {
            return current;
        }
        if (builtOn.isBefore(PREFILL_CAPPED)) {
            return 0;
        }
        if (builtOn.isBefore(PREFILL_8192)) {
            return 2048;
        }
        if (type == ModelType.INTERNLM2) {
            return builtOn.isBefore(INTERNLM2_2048) ? 8192 : 2048;
        }
        return current;
    }

    /** gen_config's default {@code --max-batch-size}: 80 before 66fd62df (2024-09-18), 128 since. */
    public int defaultMaxBatchSize() {
        return builtOn.isBefore(PREFILL_8192) ? 80 : 128;
    }
}
