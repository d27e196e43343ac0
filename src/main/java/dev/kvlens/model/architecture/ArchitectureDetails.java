package dev.kvlens.model.architecture;

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
 * @param vision           the CLIP tower of phi3_v and llava, in the same params
 */
public record ArchitectureDetails(Moe moe, Mla mla, LinearAttention linearAttention, Draft draft,
                                  boolean qkvBias, boolean outputBias, int learnedPositions, int typeVocabSize,
                                  int weightBlockSize, Vision vision) {

    /** A dense decoder: nothing beyond the common fields. */
    public static final ArchitectureDetails NONE =
            new ArchitectureDetails(null, null, null, null, false, false, 0, 0, 0, null);

    /**
     * A CLIP vision tower ({@code vision/clip_vision.py}) and what joins it to the text model.
     *
     * @param imageDimOut  phi3_v's {@code img_processor.image_dim_out} (its projector takes 4 × that); 0 for llava
     * @param mistralText  llava over a Mistral text model (separate lm_head) rather than Llama
     */
    public record Vision(int hiddenSize, int intermediateSize, int numLayers, int patchSize, int imageSize,
                         int channels, int imageDimOut, boolean mistralText) {
    }

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
     * @param numExpertsPerToken     experts each token is routed to ({@code num_experts_per_tok}, top-k); 0 when
     *                               the source does not say (it changes no parameter, only the §4.2 estimate)
     */
    public record Moe(int numExperts, int intermediateSize, int sharedIntermediateSize, int firstDenseLayers,
                      int layerFrequency, int layerPhase, boolean scoreCorrectionBias, int numExpertsPerToken) {

        /** Whether some layers keep a dense MLP (DeepSeek's first layers, Llama 4's interleaving). */
        public boolean hasDenseLayers() {
            return firstDenseLayers > 0 || layerFrequency > 1;
        }

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
                typeVocabSize, weightBlockSize, vision);
    }

    public ArchitectureDetails withMla(Mla value) {
        return new ArchitectureDetails(moe, value, linearAttention, draft, qkvBias, outputBias, learnedPositions,
                typeVocabSize, weightBlockSize, vision);
    }

    public ArchitectureDetails withLinearAttention(LinearAttention value) {
        return new ArchitectureDetails(moe, mla, value, draft, qkvBias, outputBias, learnedPositions, typeVocabSize,
                weightBlockSize, vision);
    }

    public ArchitectureDetails withDraft(Draft value) {
        return new ArchitectureDetails(moe, mla, linearAttention, value, qkvBias, outputBias, learnedPositions,
                typeVocabSize, weightBlockSize, vision);
    }

    public ArchitectureDetails withBiases(boolean qkv, boolean output) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkv, output, learnedPositions, typeVocabSize,
                weightBlockSize, vision);
    }

    public ArchitectureDetails withTables(int positions, int typeVocab) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkvBias, outputBias, positions, typeVocab,
                weightBlockSize, vision);
    }

    public ArchitectureDetails withWeightBlockSize(int blockSize) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkvBias, outputBias, learnedPositions,
                typeVocabSize, blockSize, vision);
    }

    public ArchitectureDetails withVision(Vision value) {
        return new ArchitectureDetails(moe, mla, linearAttention, draft, qkvBias, outputBias, learnedPositions,
                typeVocabSize, weightBlockSize, value);
    }
}
