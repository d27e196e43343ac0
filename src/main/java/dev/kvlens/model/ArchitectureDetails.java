package dev.kvlens.model;

/**
 * What a model needs beyond the plain dense decoder of {@link ModelGeometry}'s first fields (rules §10):
 * mixture of experts, multi-head latent attention, hybrid linear attention, draft heads and the smaller
 * switches (biases, learned positions) that change the parameter list. Absent parts are {@code null}.
 *
 * @param moe              experts, when the model routes its MLP
 * @param mla              DeepSeek-V2/V3 latent attention
 * @param linearAttention  Qwen3.5's GatedDeltaNet layers
 * @param draft            Medusa heads or Eagle's fusion layer
 * @param qkvBias          attention input projections carry a bias (stablelm {@code use_qkv_bias},
 *                         internlm(2) {@code bias}, chatglm, starcoder2 {@code use_bias}, …)
 * @param outputBias       the attention output / MLP projections carry biases (internlm {@code bias},
 *                         starcoder2 {@code use_bias}, nemotron {@code mlp_bias}, chatglm {@code add_bias_linear})
 * @param learnedPositions rows of a learned position table (gpt2, gpt_bigcode, bert), 0 if none
 * @param typeVocabSize    bert's token-type table rows, 0 if none
 * @param weightBlockSize  the fp8 block size [bs0, bs1] of block-scale checkpoints ({@code weight_block_size}), 0 if none
 */
public record ArchitectureDetails(Moe moe, Mla mla, LinearAttention linearAttention, Draft draft,
                                  boolean qkvBias, boolean outputBias, int learnedPositions, int typeVocabSize,
                                  int weightBlockSize) {

    /** A dense decoder: nothing beyond the common fields. */
    public static final ArchitectureDetails NONE = new ArchitectureDetails(null, null, null, null, false, false, 0, 0, 0);

    /**
     * Routed experts.
     *
     * @param numExperts             routed experts E
     * @param intermediateSize       width of one expert's MLP
     * @param sharedIntermediateSize width of the shared-expert MLP, 0 if none
     * @param firstDenseLayers       layers before the first MoE layer ({@code first_k_dense_replace})
     * @param layerFrequency         every n-th layer is MoE ({@code moe_layer_freq}, {@code interleave_moe_layer_step})
     * @param layerPhase             a layer i is MoE when i ≥ firstDenseLayers and i mod frequency = phase
     * @param scoreCorrectionBias    DeepSeek-V3 {@code noaux_tc}: an f32 bias per expert
     */
    public record Moe(int numExperts, int intermediateSize, int sharedIntermediateSize, int firstDenseLayers,
                      int layerFrequency, int layerPhase, boolean scoreCorrectionBias) {

        /** Whether layer {@code i} routes its MLP. */
        public boolean isMoeLayer(int i) {
            return i >= firstDenseLayers && i % layerFrequency == layerPhase;
        }
    }

    /**
     * Multi-head latent attention dimensions (DeepSeek-V2/V3).
     *
     * @param qLoraRank 0 when the query is projected directly ({@code q_lora_rank} null)
     */
    public record Mla(int kvLoraRank, int qLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {
    }

    /** Qwen3.5's GatedDeltaNet: every {@code fullAttentionInterval}-th layer is full attention. */
    public record LinearAttention(int fullAttentionInterval, int keyHeadDim, int valueHeadDim, int numKeyHeads,
                                  int numValueHeads, int convKernel) {
    }

    /**
     * Draft-model parts: Medusa's heads, or Eagle's {@code fc} fusion layer.
     *
     * @param heads        Medusa heads (0 for Eagle)
     * @param layersPerHead Medusa ResBlocks per head
     * @param fusionBias   Eagle's {@code fc} has a bias ({@code bias}, default true)
     */
    public record Draft(int heads, int layersPerHead, boolean fusionBias) {
    }

    public ArchitectureDetails withMoe(Moe value) {
        return new ArchitectureDetails(value, mla, linearAttention, draft, qkvBias, outputBias, learnedPositions,
                typeVocabSize, weightBlockSize);
    }

    public ArchitectureDetails withMla(Mla value) {
        return new ArchitectureDetails(moe, value, linearAttention, draft, qkvBias, outputBias, learnedPositions,
                typeVocabSize, weightBlockSize);
    }

    public ArchitectureDetails withLinearAttention(LinearAttention value) {
        return new ArchitectureDetails(moe, mla, value, draft, qkvBias, outputBias, learnedPositions, typeVocabSize,
                weightBlockSize);
    }

    public ArchitectureDetails withDraft(Draft value) {
        return new ArchitectureDetails(moe, mla, linearAttention, value, qkvBias, outputBias, learnedPositions,
                typeVocabSize, weightBlockSize);
    }

    public ArchitectureDetails withBiases(boolean qkv, boolean output) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkv, output, learnedPositions, typeVocabSize,
                weightBlockSize);
    }

    public ArchitectureDetails withTables(int positions, int typeVocab) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkvBias, outputBias, positions, typeVocab,
                weightBlockSize);
    }

    public ArchitectureDetails withWeightBlockSize(int blockSize) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkvBias, outputBias, learnedPositions,
                typeVocabSize, blockSize);
    }
}
