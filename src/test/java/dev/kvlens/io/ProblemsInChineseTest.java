package dev.kvlens.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.SharedData;
import dev.kvlens.text.Messages;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.PhrasedException;
import dev.kvlens.text.Phrases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A file problem from each family of readers says itself in Chinese in the window, and its English message — what the
 * CLI prints — is the sentence KV Lens printed before the readers spoke in phrases (the English expected here are the
 * CLI's lines from main's jar for the same inputs).
 */
class ProblemsInChineseTest {

    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void aDuplicateKey() throws IOException {
        Path file = write("chat-dupkey.json", "{\"model_type\":\"llama\",\"model_type\":\"qwen2\"}");
        assertProblem(() -> ArtifactReader.read(file, Map.of()),
                "chat-dupkey.json: duplicate key \"model_type\" at line 1",
                "chat-dupkey.json：第 1 行有重复的键 \"model_type\"");
    }

    @Test
    void invalidJsonQuotesTheParserInBothLanguages() throws IOException {
        Path file = write("bad-json2.json", "{\"model_type\": \"llama\"\n  \"x\": 1}");
        assertProblem(() -> ArtifactReader.read(file, Map.of()),
                "bad-json2.json: is not valid JSON at line 2, column 3 (Unexpected character ('\"' (code 34)): was "
                        + "expecting comma to separate Object entries)",
                "bad-json2.json：不是有效的 JSON：第 2 行第 3 列（Unexpected character ('\"' (code 34)): was expecting "
                        + "comma to separate Object entries）");
    }

    @Test
    void aFileThatIsNotUtf8Text() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"model_type\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(() -> ArtifactReader.read(file, Map.of()),
                "latin1.json: is not UTF-8 text (is it a binary file?)",
                "latin1.json：不是 UTF-8 文本（是二进制文件吗？）");
    }

    @Test
    void aChatConfigFieldOutOfRangeKeepsItsNumbersUngrouped() throws IOException {
        Path file = write("chat-layers-neg.json", resource("/configs/llama-3-8b-mlc-chat-config.json")
                .replaceFirst("\"num_hidden_layers\": 32", "\"num_hidden_layers\": -4"));
        assertProblem(() -> ArtifactReader.read(file, Map.of()),
                "chat-layers-neg.json: field 'model_config.num_hidden_layers' must be between 1 and 16777216, got -4",
                "chat-layers-neg.json：字段“model_config.num_hidden_layers”必须在 1 到 16777216 之间，实际为 -4");
    }

    @Test
    void aHuggingFaceConfigWhoseHeadsDoNotDivide() throws IOException {
        Path file = write("hf-kv-divide.json", resource("/configs/llama-3.1-8b-config.json")
                .replaceFirst("\"num_key_value_heads\": 8", "\"num_key_value_heads\": 5"));
        assertProblem(() -> HfConfigReader.read(file),
                "hf-kv-divide.json: field 'num_key_value_heads' (5) must divide num_attention_heads (32)",
                "hf-kv-divide.json：字段“num_key_value_heads”（5）必须能整除 num_attention_heads（32）");
    }

    @Test
    void aLibraryWithoutMetadata() throws IOException {
        Path file = dir.resolve("lib-none.so");
        byte[] elf = new byte[4004];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, elf, 0, 4);
        Files.write(file, elf);
        assertProblem(() -> LibraryFiles.read(file, Map.of()),
                "lib-none.so: is an ELF shared library without MLC model metadata (is it a library made by mlc_llm "
                        + "compile?)",
                "lib-none.so：是不含 MLC 模型元数据的 ELF 共享库（它是 mlc_llm compile 生成的库吗？）");
    }

    @Test
    void aTarWithADamagedHeader() throws IOException {
        byte[] tar = new byte[512 * 3];
        System.arraycopy("a.txt".getBytes(StandardCharsets.US_ASCII), 0, tar, 0, 5);
        System.arraycopy("zzzzzzzzzzz".getBytes(StandardCharsets.US_ASCII), 0, tar, 124, 11);
        tar[156] = '0';
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        Path file = dir.resolve("bad-size.tar");
        Files.write(file, tar);
        assertProblem(() -> LibraryFiles.read(file, Map.of()),
                "bad-size.tar: is a damaged tar (a member header has no valid size)",
                "bad-size.tar：是损坏的 tar 包（某个成员头没有有效的大小）");
    }

    @Test
    void libraryMetadataWithAnUnknownDtype() throws IOException {
        ObjectNode metadata = (ObjectNode) Json.readFile(SharedData.path(
                "mlc-libs-dev/Llama-2-7b-chat-hf__Llama-2-7b-chat-hf-q4f16_1-mali.so.json"));
        ((ObjectNode) metadata.withArray("params").get(0)).put("dtype", "bogus");
        Path file = write("meta-bogus-dtype.json", metadata.toString());
        assertProblem(() -> ArtifactReader.read(file, Map.of()),
                "meta-bogus-dtype.json: field 'params[0].dtype' is not a dtype KV Lens knows: bogus",
                "meta-bogus-dtype.json：字段“params[0].dtype”不是 KV Lens 认识的数据类型：bogus");
    }

    @Test
    void aFolderWithoutAConfigAndATensorCacheWithoutRecords() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("fold-empty"));
        assertProblem(() -> ModelFolders.read(empty),
                "fold-empty: is a folder without mlc-chat-config.json or config.json",
                "fold-empty：是没有 mlc-chat-config.json 或 config.json 的文件夹");
        Path folder = Files.createDirectory(dir.resolve("fold-records-missing"));
        Files.writeString(folder.resolve("mlc-chat-config.json"), resource("/configs/llama-3-8b-mlc-chat-config.json"));
        Files.writeString(folder.resolve("tensor-cache.json"), "{\"x\": 1}");
        assertProblem(() -> ModelFolders.read(folder),
                "fold-records-missing/tensor-cache.json: field 'records' is missing or not a list",
                "fold-records-missing/tensor-cache.json：字段“records”缺失或不是列表");
    }

    @Test
    void aScenarioWithAnUnknownModeOrANewerSchema() throws IOException {
        String scenario = resource("/hostile/R10-scenario-model-location-shell-injection.kvlens.json");
        Path mode = write("sc-mode.kvlens.json", scenario.replace("\"mode\": \"server\"", "\"mode\": \"turbo\""));
        assertProblem(() -> ScenarioFiles.read(mode),
                "sc-mode.kvlens.json: field 'engine.mode' is not local, interactive or server: turbo",
                "sc-mode.kvlens.json：字段“engine.mode”不是 local、interactive 或 server：turbo");
        Path newer = write("sc-schema.kvlens.json", scenario.replace("\"schemaVersion\": 1", "\"schemaVersion\": 99"));
        assertProblem(() -> ScenarioFiles.read(newer),
                "sc-schema.kvlens.json: field 'schemaVersion' is 99: the file was saved by a newer KV Lens; this version "
                        + "reads schema 1",
                "sc-schema.kvlens.json：字段“schemaVersion”为 99：此文件由更新版本的 KV Lens 保存；当前版本读取第 1 版格式");
    }

    @Test
    void aDamagedStateFileIsAProblemInEitherLanguage() throws IOException {
        Files.writeString(dir.resolve("preferences.json"), "{\"theme\": ");
        UserState state = new UserState(dir);
        state.preferences();
        assertThat(state.problems()).singleElement().asString()
                .startsWith("preferences.json could not be read and was moved aside to preferences.json.corrupt-")
                .endsWith(" (preferences.json: is not valid JSON at line 1, column 11 (Unexpected end-of-input "
                        + "within/between Object entries))");
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(state.problemPhrases()).singleElement().extracting(Phrases::get).asString()
                .startsWith("preferences.json 无法读取，已移到 preferences.json.corrupt-")
                .endsWith("（preferences.json：不是有效的 JSON：第 1 行第 11 列（Unexpected end-of-input "
                        + "within/between Object entries））");
    }

    @Test
    void aProblemTheModelSaysAsAPhraseKeepsItsWordsAnyOtherIsQuoted() {
        assertThat(ReportedProblems.of(new PhrasedException("io.field.missing"))).isEqualTo(Phrase.of("io.field.missing"));
        assertThat(ReportedProblems.of(new IllegalArgumentException("unknown rules 'd1999'")))
                .isEqualTo(Phrase.of("text.verbatim", "unknown rules 'd1999'"));
    }

    private static void assertProblem(Executable read, String english, String chinese) {
        InputException e = assertThrows(InputException.class, read);
        assertThat(e.getMessage()).isEqualTo(english);
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(Phrases.message(e)).isEqualTo(chinese);
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
        assertThat(Phrases.message(e)).as("the English wording is the CLI's").isEqualTo(english);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ProblemsInChineseTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
