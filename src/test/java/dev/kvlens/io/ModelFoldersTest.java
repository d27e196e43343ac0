package dev.kvlens.io;

import dev.kvlens.model.scenario.Artifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Model folders as users have them; expected parameter bytes from the ../shared/mlc-libs-dev index. */
class ModelFoldersTest {

    private static final String QWEN2_1_5B = "web-llm-models__v0_2_48__Qwen2-1.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm.json";

    @Test
    void anMlcWeightsFolderGivesMlcsParameterBytes(@TempDir Path dir) throws IOException {
        Path folder = MlcFolderFixtures.weightsFolder(dir.resolve("Qwen2-1.5B-Instruct-q4f16_1-MLC"), QWEN2_1_5B,
                "tensor-cache.json");

        Artifact.ModelFolder read = ModelFolders.read(folder);

        // index of mlc-libs-dev: 868,547,584 B; a public Qwen2-1.5B-architecture q4f16_1 tensor cache
        // (sighrobot/ReaderLM-v2-q4f16_1-MLC) states "ParamBytes": 868547584.0 as well
        assertThat(read.params().orElseThrow().bytes()).isEqualTo(868_547_584L);
        assertThat(read.params().orElseThrow().detail()).isEqualTo("tensor-cache.json");
        assertThat(read.description().name()).isEqualTo("Qwen2-1.5B-Instruct-q4f16_1-MLC");
        assertThat(read.description().geometry().modelType()).isEqualTo("qwen2");
        assertThat(read.description().compile().prefillChunkSize()).isEqualTo(1024);
        assertThat(read.modelLocation()).hasValue(folder.toAbsolutePath().toString());
    }

    @Test
    void theOlderNdarrayCacheNameIsReadToo(@TempDir Path dir) throws IOException {
        Path folder = MlcFolderFixtures.weightsFolder(dir.resolve("m"), QWEN2_1_5B, "ndarray-cache.json");

        assertThat(ModelFolders.read(folder).params().orElseThrow().bytes()).isEqualTo(868_547_584L);
        assertThat(ArtifactReader.read(folder, Map.of())).isInstanceOf(Artifact.ModelFolder.class);
    }

    @Test
    void cachedFoldersAreNamedAsTheirRepositories(@TempDir Path dir) {
        assertThat(ModelNames.of(dir.resolve("hub/models--Qwen--Qwen2.5-7B-Instruct/snapshots/a09a35458c702b33eeacc393d103063234e8bc28")))
                .isEqualTo("Qwen/Qwen2.5-7B-Instruct");
        assertThat(ModelNames.of(dir.resolve("mlc_llm/model_weights/hf/mlc-ai/Qwen2.5-7B-Instruct-q4f16_1-MLC")))
                .isEqualTo("mlc-ai/Qwen2.5-7B-Instruct-q4f16_1-MLC");
        assertThat(ModelNames.of(dir.resolve("my-model"))).isEqualTo("my-model");
    }

    @Test
    void aHuggingFaceSnapshotIsReadAsItsRepository(@TempDir Path dir) throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("models--meta-llama--Llama-3.1-8B-Instruct/snapshots/0e9e39f2"));
        Files.writeString(snapshot.resolve("config.json"), """
                {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
                 "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256,
                 "max_position_embeddings": 131072, "tie_word_embeddings": false}""");

        Artifact.ModelFolder read = ModelFolders.read(snapshot);

        assertThat(read.description().name()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(read.params()).isEmpty();
        assertThat(read.description().compile().contextWindowSize()).isEqualTo(131072);
    }

    @Test
    void aCheckpointsWeightDtypeComesFromItsSafetensorsHeader(@TempDir Path dir) throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("models--Qwen--Qwen2.5-0.5B/snapshots/abc"));
        Files.writeString(snapshot.resolve("config.json"), "{\"model_type\": \"qwen2\", \"hidden_size\": 896, "
                + "\"intermediate_size\": 4864, \"num_hidden_layers\": 24, \"num_attention_heads\": 14, "
                + "\"num_key_value_heads\": 2, \"vocab_size\": 151936, \"max_position_embeddings\": 32768}");
        Files.writeString(snapshot.resolve("model.safetensors.index.json"),
                "{\"metadata\": {\"total_size\": 1}, \"weight_map\": {\"a\": \"model-00001-of-00002.safetensors\"}}");
        // the safetensors layout: u64 little-endian header length, the JSON header, then the data (omitted here);
        // most elements are BF16, one small F32 tensor
        String header = "{\"__metadata__\": {\"format\": \"pt\"}, "
                + "\"model.embed_tokens.weight\": {\"dtype\": \"BF16\", \"shape\": [151936, 896], \"data_offsets\": [0, 1]}, "
                + "\"model.norm.weight\": {\"dtype\": \"F32\", \"shape\": [896], \"data_offsets\": [1, 2]}}";
        byte[] json = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(8 + json.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        Files.write(snapshot.resolve("model-00001-of-00002.safetensors"), file.array());
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.copy(snapshot.resolve("config.json"), broken.resolve("config.json"));
        Files.write(broken.resolve("model.safetensors"), new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2});

        assertThat(ModelFolders.read(snapshot).weightsDtype()).hasValue("BF16 (model-00001-of-00002.safetensors)");
        assertThat(ModelFolders.read(broken).weightsDtype()).isEmpty();
    }

    @Test
    void aFolderWithoutAModelSaysSoInOneLine(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("junk"));
        Files.writeString(empty.resolve("README.md"), "nothing here");

        assertThatThrownBy(() -> ModelFolders.read(empty)).isInstanceOf(InputException.class)
                .hasMessage("junk: is a folder without mlc-chat-config.json or config.json");
    }

    @Test
    void the2023ChatConfigFormatIsNamed(@TempDir Path dir) throws IOException {
        Path old = Files.createDirectories(dir.resolve("WizardLM-70B-V1.0-q4f16_1"));
        // the 2023 mlc_llm.build layout (e.g. liangpeixin/mlc-chat-wizardlm-70b-v1.0-q4-f16_1): no model_config
        Files.writeString(old.resolve("mlc-chat-config.json"), "{\"model_lib\": \"WizardLM-70B-V1.0-q4f16_1\","
                + " \"model_category\": \"llama\", \"conv_template\": \"wizardlm\"}");

        assertThatThrownBy(() -> ModelFolders.read(old)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("WizardLM-70B-V1.0-q4f16_1/mlc-chat-config.json: field 'model_config' is missing");
    }

    @Test
    void aBrokenTensorCacheRecordIsNamed(@TempDir Path dir) throws IOException {
        Path folder = MlcFolderFixtures.weightsFolder(dir.resolve("m"), QWEN2_1_5B, "tensor-cache.json");
        Files.writeString(folder.resolve("tensor-cache.json"),
                "{\"records\": [{\"dataPath\": \"a.bin\", \"records\": [{\"name\": \"w\", \"nbytes\": \"lots\"}]}]}");

        assertThatThrownBy(() -> ModelFolders.read(folder)).isInstanceOf(InputException.class)
                .hasMessage("m/tensor-cache.json: field 'records[0].records[0].nbytes' must be a whole number of bytes");
    }
}
