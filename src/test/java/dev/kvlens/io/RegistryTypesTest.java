package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.architecture.KvCacheGeometry;
import dev.kvlens.model.architecture.KvStateKind;
import dev.kvlens.model.architecture.ModelGeometry;
import dev.kvlens.model.architecture.ModelType;
import dev.kvlens.model.library.ParameterBytes;
import dev.kvlens.model.architecture.Quantization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every model type of MLC's registry (rules §10) read from a real Hugging Face config in
 * {@code src/test/resources/hf-configs/} (sources in its README) and sized under q4f16_1. Expected bytes
 * are hand arithmetic from each MLC model file's module tree (rules §5: a q4f16_1 linear [out, in] stores
 * out × ⌈in/32⌉ × (4 words × 4 B + 2 B scale) = out × ⌈in/32⌉ × 18 B; norms, biases, unquantized MoE gates
 * and raw parameters 2 B per element, f32 parameters 4 B). The 13 types present in shared/mlc-libs-dev are
 * checked against real libraries in {@link CompiledLibraryParamsTest} instead.
 */
class RegistryTypesTest {

    private static HfConfigReader.Defaults read(String file) {
        JsonNode root = Json.readResource("/hf-configs/" + file + ".json");
        return HfConfigReader.defaults(file + ".json", root);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelType.class)
    void everyRegistryTypeParsesAndGetsParameterBytes(ModelType type) {
        HfConfigReader.Defaults d = read(type.mlcName());
        assertThat(d.geometry().registryType()).contains(type);
        // rules §5: Medusa accepts no-quant only
        String scheme = type == ModelType.MEDUSA ? "q0f16" : "q4f16_1";
        assertThat(ParameterBytes.of(d.geometry(), Quantization.require(scheme), 1)).isPositive();
    }

    @ParameterizedTest(name = "{0} q4f16_1 = {1} B")
    @CsvSource({
        // layer = qkv [12288,4096] 28311552 + o 9437184 + gate_up 50724864 + down 25362432 + 2 norm weights 16384 =
        // 113852416; x32 + embed 289603584 + lm_head 289603584 + final norm 8192
        "baichuan, 4222492672",
        // word [30522,384] 6592752 + position [512,384] 110592 + token_type [2,384] 432 + LayerNorm 1536 + layer (qkv
        // 248832+2304 + attention.output.dense 82944+768 + LN 1536 + intermediate 331776+3072 + output 331776+768 + LN
        // 1536 = 1005312) x12
        "bert-bge, 18769056",
        // layer = 2 RMSNorms 16384 + query_key_value [(2*2+32)*128] 10616832 + qkv bias 9216 + dense 9437184 + h_to_4h
        // 63111168 + 4h_to_h 31555584 = 114746368; x28 + embedding 149815296 + final_layernorm 8192 + output_layer
        // 149815296
        "chatglm, 3512537088",
        // layer = qkv [6144,4096] 14155776 + o 9437184 + gate_up 66060288 + down 33030144 + 1 norm weights 8192 =
        // 122691584; x32 + embed 589824000 + final norm 8192
        "cohere, 4515962880",
        // attention 9437184 + norms 8192 per layer x28; 1 dense x 37822464; 27 MoE x (gate f16 262144 + experts
        // 64x(3244032+1622016) + shared 6488064+3244032 = 321421312); embed + lm_head 2x117964800 + norm 4096
        "deepseek, 9216602112",
        // attention = q_proj 3538944 + kv_a 663552 + kv_a_norm 1024 + kv_b 1179648 + w_uk f16 2097152 + w_uv f16
        // 2097152 + o 2359296 = 11936768; norms 8192; 1 dense MLP x 37822464; 26 MoE x (gate f16 262144 + bias f32 0 +
        // experts 64x(3244032+1622016) + shared 6488064+3244032 = 321421312); embed + lm_head 2x117964800 + norm 4096
        "deepseek_v2, 8953224192",
        // attention = q_a+q_a_norm+q_b 27429888 + kv_a 2322432 + kv_a_norm 1024 + kv_b 9437184 + w_uk f16 16777216 +
        // w_uv f16 16777216 + o 66060288 = 138805248; norms 28672; 3 dense MLP x 222953472; 58 MoE x (gate f16 3670016
        // + bias f32 1024 + experts 256x(16515072+8257536) + shared 16515072+8257536 = 6370231296); embed + lm_head
        // 2x521256960 + norm 14336
        "deepseek_v3, 379653672960",
        // embed 73728000 + layer (qkv 28311552 + o 9437184 + gate_up 50724864 + down 25362432 = 113836032) x1 +
        // post_attention_layernorm 8192 (layer 0 has no input_layernorm) + fc [4096,8192] 18874368 + bias 8192
        "eagle, 206454784",
        // layer = q 2949120 + k,v 2x1474560 + o 2949120 + q/k norms 1024 + gate_up 29491200 + down 14745600 + 4 norms
        // 20480 = 53105664; x34 + tied embed [262208,2560] 377579520 + norm 5120
        "gemma3, 2183177216",
        // layer = q 663552 + k,v 2x165888 + o 663552 + q/k norms 1024 + gate_up 8957952 + down 4478976 + 4 norms 9216
        // = 15106048; x26 + tied embed 169869312 + norm 2304
        "gemma3_text, 562628864",
        // layer = ln_1,ln_2 16384 + c_attn [(16+2)*128] 2654208+bias 4608 + c_proj 2359296+4096 + c_fc 9437184+16384 +
        // c_proj 9437184+4096 = 23933440; x24 + wte 56770560 + wpe [2048,2048] 2359296 + ln_f 8192 + lm_head 56770560
        "gpt_bigcode, 690311168",
        // layer = ln_1 16384 + c_attn 28311552 + out_proj 9437184 + fc_in 37748736+32768 + fc_out 37748736+8192 =
        // 113303552; x28 + wte 116121600 + ln_f 16384 + lm_head 116121600 + lm_head.bias 100800
        "gptj, 3404859840",
        // layer = qkv [12288,4096] 28311552 + bias 24576 + o 9437184 + bias 8192 + gate_up 50724864 + down 25362432 +
        // 2 norm weights 16384 = 113885184; x32 + embed 237699072 + lm_head 237699072 + final norm 8192
        "internlm, 4119732224",
        // layer = qkv [6144,4096] 14155776 + o 9437184 + gate_up 66060288 + down 33030144 + 2 norm weights 16384 =
        // 122699776; x32 + embed 213221376 + lm_head 213221376 + final norm 8192
        "internlm2, 4352843776",
        // layer = q 14745600 + k,v 2x2949120 + o 14745600 + experts f16 [16,5120,16384]+[16,8192,5120] 4026531840 +
        // router q4 [16,5120] 46080 + shared 47185920+23592960 + norms 20480; x48 + embed + lm_head 2x581898240 + norm
        // 10240
        "llama4, 199536609280",
        // q0f16: 5 heads x (1 ResBlock x (Linear [4096,4096] 33554432 + bias 8192) + Linear [32000,4096] 262144000)
        "medusa, 1478533120",
        // layer = qkv [6912,2304] 8957952 + o 2985984 + gate_up 14929920 + down 7464960 + 2 norm weights 9216 =
        // 34348032; x40 + embed 159096960 + lm_head 159096960 + final norm 4608
        "minicpm, 1692119808",
        // layer = qkv 8957952 + o 2985984 + gate f16 [8,2304] 36864 + e1_e3 8x14929920 + e2 8x7464960 + norms 9216 =
        // 191149056; x40 + embed 159087888 + norm 4608
        "minicpm-moe, 7805054736",
        // layer = qkv [6144,3072] 10616832 + o 7077888 + gate_up 31850496 + down 15925248 + 2 norm weights 12288 =
        // 65482752; x26 + embed 226492416 + final norm 6144
        "ministral3, 1929050112",
        // layer = qkv 14155776 + o 9437184 + gate f16 [8,4096] 65536 + e1_e3 8x66060288 + e2 8x33030144 + norms 16384
        // = 816398336; x32 + embed 73728000 + lm_head 73728000 + norm 8192
        "mixtral, 26272210944",
        // layer = qkv 8847360 + o 5308416 + up [9216,3072] 15925248 + down 15925248 + 2 LayerNorm1P (w+b) 24576 =
        // 46030848; x32 + embed + lm_head 2x442368000 + final LayerNorm 12288
        "nemotron, 2357735424",
        // layer = qkv [6144,2048] 7077888 + o 2359296 + gate_up 18874368 + down 9437184 + 0 norm weights 0 = 37748736;
        // x16 + embed 57950208
        "olmo, 661929984",
        // layer = qkv [12288,4096] 28311552 + o 9437184 + gate_up 50724864 + down 25362432 + 2 norm weights 16384 +
        // q/k norms 16384 = 113868800; x32 + embed 231211008 + lm_head 231211008 + final norm 8192
        "olmo2, 4106231808",
        // layer = qkv [15360,5120] 44236800 + o 14745600 + gate_up 88473600 + down 44236800 + 2 LayerNorms (w+b) 40960
        // = 191733760; x40 + embed 243671040 + lm_head 243671040 + final norm 20480
        "orion, 8156712960",
        // layer = c_attn 7077888 + bias 12288 + o 2359296 + shared gate_up 12976128 + shared down 6488064 +
        // shared_expert_gate f16 [1,2048] 4096 + gate f16 [60,2048] 245760 + experts 60x(3244032+1622016) + norms 8192
        // = 321134592; x24 + embed 175030272 + lm_head 175030272 + norm 4096
        "qwen2_moe, 8057294848",
        // layer = qkv [4096,1024] 2359296 + o 1179648 + gate_up 3538944 + down 1769472 + 2 norm weights 4096 + q/k
        // norms 512 = 8851968; x28 + embed 87361344 + final norm 2048
        "qwen3-embedding, 335218496",
        // 16 full layers x (c_attn [(2*24+2*4)*256] 41287680 + o 17694720 + q/k norms 1024 = 58983424); 48 GDN layers
        // x (in_proj_qkv [10240] 29491200 + z 17694720 + a,b 2x138240 + out 17694720 + conv f16 81920 + A_log,dt_bias
        // f32 384 + norm 256 = 65239680); every layer MLP+norms 150425600; embed + lm_head 2x715161600 + norm 10240
        "qwen3_5, 15132811264",
        // 16 full layers x (c_attn [(2*24+2*4)*256] 41287680 + o 17694720 + q/k norms 1024 = 58983424); 48 GDN layers
        // x (in_proj_qkv [10240] 29491200 + z 17694720 + a,b 2x138240 + out 17694720 + conv f16 81920 + A_log,dt_bias
        // f32 384 + norm 256 = 65239680); every layer MLP+norms 150425600; embed + lm_head 2x715161600 + norm 10240
        "qwen3_5_text, 15132811264",
        // layer = c_attn 5898240 + o 4718592 + q/k norms 512 + gate f16 524288 + experts 128x(1769472+884736) + norms
        // 8192 = 350888448; x48 + embed + lm_head 2x175030272 + norm 4096
        "qwen3_moe, 17192710144",
        // layer = ln1,ln2 20480 + time_decay,time_faaaa f32 [40,64] 20480 + 4 time_mix f16 20480 +
        // key,value,receptance,gate,output [2560,2560] 5x3686400 + ln_x f32 w+b 20480 + ffn time_mix 2x5120 + key
        // [8960,2560] 12902400 + receptance 3686400 + value 12902400 = 48015360; x32 + pre_ln 10240 + embeddings
        // 94371840 + ln_out 10240 + head 94371840
        "rwkv5, 1725255680",
        // layer = ln1,ln2 16384 + 6 time_maa 24576 + maa_w1,w2 1310720 + decay_w1,w2 524288 + time_decay f32 8192 +
        // time_faaaa f32 8192 + 5 linears [2048,2048] 11796480 + ln_x f32 16384 + ffn maa 2x4096 + key [7168,2048]
        // 8257536 + receptance 2359296 + value 8257536 = 32587776; x24 + pre_ln 8192 + embeddings + head 2x75497472 +
        // ln_out 8192
        "rwkv6, 933117952",
        // layer = wqkv 14598144 + o 11943936 + c_fc [18432,4608] 47775744 + c_proj 47775744 + biases 66560 + 2
        // LayerNorms 36864 = 122196992; x32 + embed + lm_head 2x127401984 + final LayerNorm 18432
        "starcoder2, 4165126144",
        // Llama-2-7B text (MLC's llama2_7b preset): 32 x 113852416 + embed + language_model.lm_head 2x73728000 + norm
        // 8192 = 3790741504; CLIP f16 (no_quantization): class 2048 + patch Conv2D [1024,3,14,14] 1204224 + positions
        // [577,1024] 1181696 + pre/post LayerNorm 8192 + 24 layers x (q,k,v,out [1024,1024]+bias 8396800 + fc1 8396800
        // + fc2 8390656 + 2 LayerNorms 8192 = 25192448) = 607014912; projector [4096,1024] 2359296+8192 + [4096,4096]
        // 9437184+8192
        "llava, 4409569280",
        // text: 32 x (qkv 15925248 + o 5308416 + gate_up 28311552 + down 14155776 + norms 12288) + embed + lm_head
        // 2x55406592 + norm 6144 = 2149644288; CLIP f16 (no_quantization): class 2048 + patch Conv2D [1024,3,14,14]
        // 1204224 + positions [577,1024] 1181696 + pre/post LayerNorm 8192 + 24 layers x (q,k,v,out [1024,1024]+bias
        // 8396800 + fc1 8396800 + fc2 8390656 + 2 LayerNorms 8192 = 25192448) = 607014912; glb_GN, sub_GN [4096] 16384
        // + img_projection [3072,4096] 7077888+6144 + [3072,3072] 5308416+6144
        "phi3_v, 2769074176"})
    void parameterBytesFollowEachModelFile(String file, long expected) {
        ModelGeometry g = read(file).geometry();
        String scheme = file.equals("medusa") ? "q0f16" : "q4f16_1";
        assertThat(ParameterBytes.of(g, Quantization.require(scheme), 1)).isEqualTo(expected);
    }

    @Test
    void llavaWhoseTextConfigOnlyNamesItsBaseModelSaysWhatToCopy() {
        // LlavaConfig downloads the named config (llava_model.py::get_hf_config); KV Lens reads files only
        String json = "{\"model_type\":\"llava\",\"text_config\":{\"_name_or_path\":\"meta-llama/Llama-2-7b-hf\","
                + "\"model_type\":\"llama\"},\"vision_config\":{\"hidden_size\":1024}}";
        assertThatThrownBy(() -> HfConfigReader.defaults("c.json", Json.parse("c.json", json)))
                .isInstanceOf(InputException.class).hasMessageContaining("meta-llama/Llama-2-7b-hf")
                .hasMessageContaining("text_config");
    }

    @Test
    void clipTowersStayInTheModelDtypeUnderGroupQuantization() {
        // CLIPVisionModel.no_quantization: group and block-scale skip the tower (rules §5), so q0f16 − q4f16_1 is
        // the saving on the text model and projector alone; the tower's 607,014,912 B are the same in both.
        ModelGeometry g = read("llava").geometry();
        long q4 = ParameterBytes.of(g, Quantization.require("q4f16_1"), 1);
        long q0 = ParameterBytes.of(g, Quantization.require("q0f16"), 1);
        // text q0f16 = Llama-2-7B's 13,476,831,232 B (PR #2128's "Parameters: 12852.51 MB", rules §4.2);
        // projector q0f16 (4096·1024 + 4096·4096)·2 + 2·4096·2 = 41,959,424;
        // text q4f16_1 3,790,741,504 (rules §1.3) + projector q4f16_1 2,359,296 + 8,192 + 9,437,184 + 8,192
        assertThat(q0 - q4).isEqualTo(13_476_831_232L + 41_959_424L - (3_790_741_504L + 2_367_488L + 9_445_376L));
    }

    @Test
    void mlaStoresOneLatentHeadAndTheEstimateCountsItTwice() {
        // DeepSeek-V2-Lite: rules §2.1 k = 1, d = kv_lora_rank 512 + qk_rope_head_dim 64 = 576, q heads 16, 27 layers
        ModelGeometry g = read("deepseek_v2").geometry();
        assertThat(g.kvCache(1)).isEqualTo(new KvCacheGeometry(27, 16, 1, 576));
        // §3.5 kv_bytes_per_token = d·k·L·4 + 1.25 = 576·1·27·4 + 1.25 = 62,209.25
        assertThat(perToken(g.kvCache(1))).isEqualTo(62_209.25);
        assertThat(g.kvStateKind()).isEqualTo(KvStateKind.KV_CACHE);
    }

    @Test
    void hybridQwen35CountsOnlyItsFullAttentionLayers() {
        // Qwen3.5-27B: 64 layers // full_attention_interval 4 = 16 attention layers, 4 KV heads of 256
        ModelGeometry g = read("qwen3_5").geometry();
        assertThat(g.kvCache(1)).isEqualTo(new KvCacheGeometry(16, 24, 4, 256));
        // 256·4·16·4 + 1.25 = 65,537.25 (the compile report's line counts all 64 layers, §1.2)
        assertThat(perToken(g.kvCache(1))).isEqualTo(65_537.25);
        assertThat(g.kvStateKind()).isEqualTo(KvStateKind.HYBRID);
    }

    @Test
    void gemma3KeepsFullPagesForEveryLayer() {
        // Gemma-3-4B: 34 layers, 4 KV heads of 256 (HF and MLC defaults); per-layer windows save nothing (§3.8)
        HfConfigReader.Defaults d = read("gemma3");
        assertThat(d.geometry().kvCache(1)).isEqualTo(new KvCacheGeometry(34, 8, 4, 256));
        // 256·4·34·4 + 1.25 = 139,265.25
        assertThat(perToken(d.geometry().kvCache(1))).isEqualTo(139_265.25);
        // §2.2: context max(sliding window 1024, 8192) = 8192, prefill R(8192) on the 131072 field default
        assertThat(d.contextWindowSize()).isEqualTo(8192);
        assertThat(d.prefillChunkSize()).isEqualTo(8192);
        assertThat(d.slidingWindowSize()).isEqualTo(1024);
    }

    @Test
    void rnnAndDraftModelsHaveTheirOwnStateKinds() {
        assertThat(read("rwkv6").geometry().kvStateKind()).isEqualTo(KvStateKind.RNN_STATE);
        ModelGeometry medusa = read("medusa").geometry();
        assertThat(medusa.kvStateKind()).isEqualTo(KvStateKind.NONE);
        // §2.1: all four kv_cache values are 0 for kind "none"
        assertThat(medusa.kvCache(1)).isEqualTo(new KvCacheGeometry(0, 0, 0, 0));
    }

    @ParameterizedTest(name = "{0}: per-token line {1}")
    @CsvSource({
        // rules §1.2: head_dim × num_hidden_layers × num_key_value_heads × 2 B × 2, all layers, unsharded
        // Qwen3-1.7B: 128 × 28 × 8 × 2 × 2 = 114,688 (0.11 MB, the c009bde4 example)
        "qwen3,       114688",
        // Qwen3.5-27B counts all 64 layers, not the 16 attention layers: 256 × 64 × 4 × 4 = 262,144
        "qwen3_5,     262144",
        // phi (Phi1Config) has the fields: 80 × 32 × 32 × 4 = 327,680
        "phi,         327680",
        // InternLM2.5-7B: 128 × 32 × 8 × 4 = 131,072
        "internlm2,   131072",
        // no head_dim / num_key_value_heads dataclass fields, or a nested text_config: no line
        "deepseek_v2, -1",
        "phi-msft,    -1",
        "gemma3,      -1",
        "baichuan,    -1",
        "llama4,      -1"})
    void compileReportPrintsThePerTokenLineForExactlyTheTypesWithTheFields(String file, int expected) {
        JsonNode root = Json.readResource("/hf-configs/" + file + ".json");
        dev.kvlens.model.library.ModelDescription d = HfConfigReader.parse(file + ".json", file, root);
        dev.kvlens.model.mlc.CompileReport report = dev.kvlens.model.mlc.CompileReport.of(
                d.library(Quantization.require("q4f16_1")), dev.kvlens.model.mlc.CompileReport.Era.E2025);
        assertThat(report.kvBytesPerToken().isPresent() ? report.kvBytesPerToken().getAsInt() : -1).isEqualTo(expected);
    }

    private static double perToken(KvCacheGeometry kv) {
        return (double) kv.headDim() * kv.numKeyValueHeads() * kv.numHiddenLayers() * 4 + 1.25;
    }
}
