package dev.kvlens.io;

import dev.kvlens.model.scenario.Artifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An imported config is named as its user knows the model — the Hugging Face repository, the model folder — never by
 * a snapshot hash, the folder it was saved into, or just its file name.
 */
class ImportedModelNamesTest {

    private static final String SNAPSHOT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path home;

    private static String resource(String name) throws IOException {
        try (InputStream in = ImportedModelNamesTest.class.getResourceAsStream("/configs/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String nameOf(Path file) {
        return ((Artifact.ModelConfig) ArtifactReader.read(file, Map.of())).description().name();
    }

    private Path write(String folder, String file, String text) throws IOException {
        Path dir = Files.createDirectories(home.resolve(folder));
        return Files.writeString(dir.resolve(file), text);
    }

    @Test
    void aChatConfigInTheHubCacheIsNamedByItsRepositoryNotItsSnapshotHash() throws IOException {
        Path file = write(".cache/huggingface/hub/models--mlc-ai--Llama-3-8B-Instruct-q4f16_1-MLC/snapshots/" + SNAPSHOT,
                "mlc-chat-config.json", resource("llama-3-8b-mlc-chat-config.json"));
        assertThat(nameOf(file)).isEqualTo("mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC");
    }

    @Test
    void aHuggingFaceConfigInTheHubCacheIsNamedByItsRepository() throws IOException {
        Path file = write(".cache/huggingface/hub/models--meta-llama--Llama-3.1-8B-Instruct/snapshots/" + SNAPSHOT,
                "config.json", resource("llama-3.1-8b-config.json"));
        assertThat(nameOf(file)).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    }

    @Test
    void aChatConfigBesideItsWeightsIsNamedByTheModelFolder() throws IOException {
        Path file = write("models/Qwen3-1.7B-q4f16_1-MLC", "mlc-chat-config.json", resource("llama-3-8b-mlc-chat-config.json"));
        Files.writeString(file.resolveSibling("tensor-cache.json"), "{\"records\": []}");
        assertThat(nameOf(file)).isEqualTo("Qwen3-1.7B-q4f16_1-MLC");
    }

    @Test
    void aChatConfigSavedIntoDownloadsKeepsItsTypeAndFileName() throws IOException {
        Path file = write("Downloads", "mlc-chat-config.json", resource("llama-3-8b-mlc-chat-config.json"));
        assertThat(nameOf(file)).isEqualTo("llama (mlc-chat-config.json)");
    }

    @Test
    void aHuggingFaceConfigSavedIntoDownloadsIsNamedByTheRepositoryItNames() throws IOException {
        String config = resource("qwen2.5-7b-config.json").replaceFirst("\\{",
                "{\"_name_or_path\": \"Qwen/Qwen2.5-7B-Instruct\",");
        assertThat(nameOf(write("Downloads", "config.json", config))).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
        String trained = resource("qwen2.5-7b-config.json").replaceFirst("\\{",
                "{\"_name_or_path\": \"/data/runs/qwen-sft-7b\",");
        assertThat(nameOf(write("Desktop", "config.json", trained))).isEqualTo("qwen-sft-7b");
    }
}
