package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.architecture.ArchitectureDetails;
import dev.kvlens.model.architecture.ArchitectureDetails.LinearAttention;
import dev.kvlens.model.architecture.ArchitectureDetails.Mla;
import dev.kvlens.model.architecture.ArchitectureDetails.Moe;
import dev.kvlens.model.architecture.ArchitectureDetails.Vision;
import dev.kvlens.model.architecture.ModelFamily;

import static dev.kvlens.io.ArchitectureReader.MAX_DIM;

/**
 * The {@link ArchitectureDetails} of standard-key configs (rules §10): experts and their placement per
 * MLC model file, MLA dimensions, Qwen3.5's GatedDeltaNet defaults, bias switches and fp8 block sizes.
 */
final class DetailsConfigs {

    private DetailsConfigs() {
    }

    static ArchitectureDetails details(LayeredFields c, ModelFamily family, boolean qwen35, int layers, int hidden,
                                       int intermediate, int positions) {
        ArchitectureDetails d = ArchitectureDetails.NONE.withMoe(moe(c, family, layers, intermediate));
        if (family == ModelFamily.DEEPSEEK_V2) {
            d = d.withMla(new Mla(c.requireInt("kv_lora_rank", 1, MAX_DIM), c.intOr("q_lora_rank", 1, MAX_DIM, 0),
                    c.requireInt("qk_nope_head_dim", 1, MAX_DIM), c.requireInt("qk_rope_head_dim", 1, MAX_DIM),
                    c.requireInt("v_head_dim", 1, MAX_DIM)));
        }
        if (qwen35) {
            // Qwen35Config field defaults
            d = d.withLinearAttention(new LinearAttention(c.intOr("full_attention_interval", 1, MAX_DIM, 4),
                    c.intOr("linear_key_head_dim", 1, MAX_DIM, 128), c.intOr("linear_value_head_dim", 1, MAX_DIM, 128),
                    c.intOr("linear_num_key_heads", 1, MAX_DIM, 16), c.intOr("linear_num_value_heads", 1, MAX_DIM, 16),
                    c.intOr("linear_conv_kernel_dim", 1, MAX_DIM, 4)));
        }
        d = switch (family) {
            case INTERNLM, INTERNLM2 -> d.withBiases(c.optionalBoolean("bias", false), c.optionalBoolean("bias", false));
            case STABLELM -> d.withBiases(c.optionalBoolean("use_qkv_bias", false), false);
            case STARCODER2 -> d.withBiases(c.optionalBoolean("use_bias", true), c.optionalBoolean("use_bias", true));
            case NEMOTRON -> d.withBiases(false, c.optionalBoolean("mlp_bias", false));
            case BERT -> d.withTables(positions, c.intOr("type_vocab_size", 1, MAX_DIM, 2));
            case EAGLE -> d.withDraft(new ArchitectureDetails.Draft(0, 0, c.optionalBoolean("bias", true)));
            case PHI3V -> d.withVision(phi3vVision(c));
            case LLAVA -> d.withVision(llavaVision(c));
            default -> d;
        };
        return d.withWeightBlockSize(blockSize(c));
    }

    /**
     * Phi3VConfig ignores the HF vision_config and always builds CLIP-L/14-336 (CLIPVISION_DEFAULT_CONFIG);
     * only {@code img_processor.image_dim_out} is read.
     */
    private static Vision phi3vVision(LayeredFields c) {
        JsonNode processor = c.node("img_processor");
        if (processor == null || !processor.has("image_dim_out") || !processor.get("image_dim_out").canConvertToInt()) {
            throw c.error("img_processor", "io.phi3v.noImageDimOut");
        }
        int dimOut = processor.get("image_dim_out").asInt();
        if (dimOut < 1 || dimOut > MAX_DIM) {
            throw c.error("img_processor", "io.phi3v.imageDimOutRange", String.valueOf(dimOut), String.valueOf(MAX_DIM));
        }
        return new Vision(1024, 4096, 24, 14, 336, 3, dimOut, false);
    }

    /** LLaVA's CLIPVisionConfig from the HF vision_config; the text model is Llama unless it says Mistral. */
    private static Vision llavaVision(LayeredFields c) {
        JsonNode vision = c.node("vision_config");
        if (vision == null || !vision.isObject()) {
            throw c.error("vision_config", "io.field.missing");
        }
        JsonFields v = new JsonFields(c.top().source(), "vision_config", vision);
        JsonNode text = c.node("text_config");
        boolean mistral = text != null && "mistral".equals(text.path("model_type").asText());
        return new Vision(v.requireInt("hidden_size", 1, MAX_DIM), v.requireInt("intermediate_size", 1, MAX_DIM),
                v.requireInt("num_hidden_layers", 1, MAX_DIM), v.requireInt("patch_size", 1, MAX_DIM),
                v.requireInt("image_size", 1, MAX_DIM), v.optionalInt("num_channels", 1, 16).orElse(3), 0, mistral);
    }

    /** Experts per model file; null for dense models (and MiniCPM without {@code num_experts}). */
    private static Moe moe(LayeredFields c, ModelFamily family, int layers, int intermediate) {
        int topK = c.intOr("num_experts_per_tok", 0, MAX_DIM, 0);
        return switch (family) {
            case MIXTRAL -> new Moe(c.requireInt("num_local_experts", 1, MAX_DIM), intermediate, 0, 0, 1, 0, false, topK);
            case MINICPM -> c.intOr("num_experts", 0, MAX_DIM, 0) > 0
                    ? new Moe(c.requireInt("num_experts", 1, MAX_DIM), intermediate, 0, 0, 1, 0, false, topK) : null;
            case QWEN2_MOE -> new Moe(c.requireInt("num_experts", 1, MAX_DIM),
                    c.requireInt("moe_intermediate_size", 1, MAX_DIM),
                    c.requireInt("shared_expert_intermediate_size", 1, MAX_DIM), 0, 1, 0, false, topK);
            case QWEN3_MOE -> new Moe(c.requireInt("num_experts", 1, MAX_DIM),
                    c.requireInt("moe_intermediate_size", 1, MAX_DIM), 0, 0, 1, 0, false, topK);
            case DEEPSEEK, DEEPSEEK_V2 -> {
                if (!c.has("n_routed_experts")) {
                    yield null;
                }
                int moeI = c.requireInt("moe_intermediate_size", 1, MAX_DIM);
                yield new Moe(c.requireInt("n_routed_experts", 1, MAX_DIM), moeI,
                        moeI * c.intOr("n_shared_experts", 0, MAX_DIM, 0), c.intOr("first_k_dense_replace", 0, MAX_DIM, 0),
                        c.intOr("moe_layer_freq", 1, MAX_DIM, 1), 0,
                        family == ModelFamily.DEEPSEEK_V2 && "noaux_tc".equals(c.optionalString("topk_method")), topK);
            }
            case LLAMA4 -> llama4(c, layers, intermediate);
            default -> null;
        };
    }

    /**
     * Llama 4: {@code moe_layers} if the config lists them (only a regular stride is representable),
     * else every {@code interleave_moe_layer_step}-th layer from step − 1 (Llama4TextConfig).
     */
    private static Moe llama4(LayeredFields c, int layers, int intermediate) {
        int experts = c.requireInt("num_local_experts", 1, MAX_DIM);
        int topK = c.intOr("num_experts_per_tok", 0, MAX_DIM, 1); // Llama4TextConfig's default
        int step = c.intOr("interleave_moe_layer_step", 1, MAX_DIM, 1);
        JsonNode listed = c.node("moe_layers");
        if (listed != null && listed.isArray()) {
            if (listed.isEmpty()) {
                return new Moe(experts, intermediate, intermediate, layers, 1, 0, false, topK);
            }
            int first = listed.get(0).asInt();
            int stride = listed.size() > 1 ? listed.get(1).asInt() - first : Math.max(1, layers - first);
            for (int n = 0; n < listed.size(); n++) {
                if (listed.get(n).asInt() != first + n * stride) {
                    throw c.error("moe_layers", "io.moe.unevenLayers");
                }
            }
            return new Moe(experts, intermediate, intermediate, first, stride, first % stride, false, topK);
        }
        return new Moe(experts, intermediate, intermediate, step - 1, step, (step - 1) % step, false, topK);
    }

    /** {@code weight_block_size} of an fp8 checkpoint ({@code quantization_config} or top level), 0 if none. */
    private static int blockSize(LayeredFields c) {
        JsonNode block = c.node("weight_block_size");
        JsonNode quant = c.node("quantization_config");
        if (block == null && quant != null && quant.isObject()) {
            block = quant.get("weight_block_size");
        }
        if (block == null || !block.isArray() || block.size() != 2) {
            return 0;
        }
        int a = block.get(0).asInt();
        int b = block.get(1).asInt();
        if (a != b || a <= 0) {
            throw c.error("weight_block_size", "io.weightBlock.notSquare", String.valueOf(block));
        }
        return a;
    }
}
