package dev.kvlens.io;

import dev.kvlens.SharedData;
import dev.kvlens.model.mlc.InstalledModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "This machine": a fake cache tree laid out as MLC-LLM and Hugging Face lay theirs out. */
class LocalModelsTest {

    private static final String QWEN2_05B = "web-llm-models__v0_2_43__Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm.json";

    @Test
    void theCacheFoldersFollowMlcsAndHuggingFacesRules(@TempDir Path home) {
        assertThat(LocalModels.mlcHome(Map.of(), home, false)).isEqualTo(home.resolve(".cache/mlc_llm"));
        assertThat(LocalModels.mlcHome(Map.of("XDG_CACHE_HOME", "/x"), home, false)).isEqualTo(Path.of("/x/mlc_llm"));
        assertThat(LocalModels.mlcHome(Map.of("XDG_CACHE_HOME", "/x", "MLC_LLM_HOME", "/m"), home, false))
                .isEqualTo(Path.of("/m"));
        assertThat(LocalModels.mlcHome(Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local"), home, true))
                .isEqualTo(Path.of("C:/Users/u/AppData/Local", "mlc_llm"));
        assertThat(LocalModels.hfHub(Map.of(), home)).isEqualTo(home.resolve(".cache/huggingface/hub"));
        assertThat(LocalModels.hfHub(Map.of("HF_HOME", "/h"), home)).isEqualTo(Path.of("/h/hub"));
        assertThat(LocalModels.hfHub(Map.of("HF_HOME", "/h", "HF_HUB_CACHE", "/c"), home)).isEqualTo(Path.of("/c"));
    }

    @Test
    void findsWeightsLibrariesAndSnapshotsNamedAsUsersKnowThem(@TempDir Path home) throws IOException {
        Path mlc = home.resolve(".cache/mlc_llm");
        Path weights = MlcFolderFixtures.weightsFolder(mlc.resolve("model_weights/hf/mlc-ai/Qwen2-0.5B-Instruct-q4f16_1-MLC"),
                QWEN2_05B, "tensor-cache.json");
        Files.createDirectories(mlc.resolve("model_lib"));
        Files.copy(SharedData.path("mlc-libs-bin/Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm"),
                mlc.resolve("model_lib/0c2f1e4b9a7d3c5e8f1a2b3c4d5e6f70.so"));
        Files.writeString(mlc.resolve("model_lib/notes.txt"), "not a library");
        Path snapshot = Files.createDirectories(home.resolve(
                ".cache/huggingface/hub/models--Qwen--Qwen2.5-7B-Instruct/snapshots/a09a35458c702b33eeacc393d103063234e8bc28"));
        Files.writeString(snapshot.resolve("config.json"), "{\"model_type\": \"qwen2\"}", StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve(".cache/huggingface/hub/datasets--x--y/snapshots/1"));

        List<InstalledModel> found = LocalModels.find(Map.of(), home, false);

        assertThat(found).extracting(InstalledModel::name).containsExactly(
                "mlc-ai/Qwen2-0.5B-Instruct-q4f16_1-MLC",
                "qwen2 q4f16_1 webgpu (0c2f1e4b9a7d3c5e8f1a2b3c4d5e6f70.so)",
                "Qwen/Qwen2.5-7B-Instruct");
        assertThat(found).extracting(InstalledModel::kind).containsExactly(InstalledModel.Kind.MLC_WEIGHTS,
                InstalledModel.Kind.MLC_LIBRARY, InstalledModel.Kind.HF_MODEL);
        // the library's Σ params (277,996,288 B) equal the folder's tensor cache: it was compiled for that folder
        assertThat(found.get(1).weights()).hasValue(weights.toString());
    }

    @Test
    void anEmptyOrMissingCacheFindsNothing(@TempDir Path home) {
        assertThat(LocalModels.find(Map.of("MLC_LLM_HOME", home.resolve("nowhere").toString()), home, false)).isEmpty();
    }
}
