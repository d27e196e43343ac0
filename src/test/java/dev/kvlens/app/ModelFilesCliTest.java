package dev.kvlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.SharedData;
import dev.kvlens.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kvlens.app.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --model-lib} and {@code --model}: what a user already has on disk, read by the CLI. */
class ModelFilesCliTest {

    private static final String QWEN2_WASM = "mlc-libs-bin/Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm";

    @Test
    void aLibraryAloneGivesMlcsServerLine() {
        String lib = SharedData.path(QWEN2_WASM).toString();

        CliTest.Run r = run("estimate", "--model-lib", lib, "--gpu-memory-mib", "8192", "--mode", "server");

        // Hand arithmetic (rules §3.5) with the library's own figures: params 277,996,288 B, temp 2 × 1,324,351,488 B,
        // kv_cache L 24 / q 14 / k 2 / d 64, vocab 151,936, S_c 2048, max_batch 80, G = 8192 MiB × 0.85f:
        // kv/token 12,289.25; kv_aux 58,973,144; model_ws 7,491,904; logit_ws 195,999,040 → Tmax 334,624
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).contains(
                "Under mode \"server\", max batch size will be set to 80, max KV cache token capacity will be set to 334624, prefill chunk size will be set to 2048. ",
                "Estimated total single GPU memory usage: 6963.197 MB (Parameters: 265.118 MB. KVCache: 3978.015 MB. Temporary buffer: 2720.064 MB). The actual usage might be slightly larger than the estimated number.");
        assertThat(r.err()).doesNotContain("approximate");
    }

    @Test
    void jsonNamesTheLibraryAsTheSourceOfBothFigures() {
        String lib = SharedData.path("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so").toString();

        CliTest.Run r = run("estimate", "--model-lib", lib, "--gpu-memory-mib", "24000", "--format", "json");

        assertThat(r.code()).isZero();
        JsonNode model = Json.parse("stdout", r.out()).path("model");
        // mlc-libs-dev index: Σ params 4,344,193,024 B; max memory_usage 2,973,761,536 B (batch_verify)
        assertThat(model.path("parameters").path("bytes").asLong()).isEqualTo(4_344_193_024L);
        assertThat(model.path("parameters").path("detail").asText()).isEqualTo("from Qwen-7B-Chat-q4f16_1-mali.so");
        assertThat(model.path("tempFunction").path("bytes").asLong()).isEqualTo(2_973_761_536L);
        assertThat(model.path("tempFunction").path("exact").asBoolean()).isTrue();
        assertThat(model.path("modelType").asText()).isEqualTo("qwen");
    }

    @Test
    void aSymbolicVocabWithoutItsConfigIsNamed() {
        String lib = SharedData.path("mlc-libs-bin/Llama-2-7b-chat-hf-q4f16_1-android.tar").toString();

        CliTest.Run r = run("estimate", "--model-lib", lib, "--gpu-memory-mib", "8192");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("vocab_size").contains("--model DIR").doesNotContain("Exception");
    }

    @Test
    void aLibraryOfAnotherModelIsRefusedNamingBoth() {
        String lib = SharedData.path("mlc-libs-bin/Qwen-7B-Chat-q4f16_1-mali.so").toString();

        CliTest.Run r = run("estimate", "--preset", "llama-3-8b", "--model-lib", lib, "--gpu-memory-mib", "24000");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("kvlens: Qwen-7B-Chat-q4f16_1-mali.so is qwen (32 layers, 32 KV heads of "
                + "128 per shard), but Llama-3-8B-Instruct is llama (32 layers, 8 KV heads of 128 per shard): they "
                + "describe different models");
    }

    @Test
    void aCompileLogOfAnotherModelIsRefused(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("phi3v-compile.log");
        Files.writeString(log, "[2024-06-01 10:00:00] INFO compile.py:123: Registering metadata: {\"model_type\": "
                + "\"phi3_v\", \"quantization\": \"q4f16_1\", \"context_window_size\": 131072, \"prefill_chunk_size\": 8192}\n"
                + "[2024-06-01 10:00:01] INFO model_metadata.py:96: Total memory usage without KV cache:: 3000.00 MB "
                + "(Parameters: 2000.00 MB. Temporary buffer: 1000.00 MB)\n");

        CliTest.Run r = run("estimate", "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--compile-log",
                log.toString(), "--gpu-memory-mib", "24000");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("phi3v-compile.log was compiled for phi3_v, but Llama-3-8B-Instruct is llama");
    }

    @Test
    void aWeightsFolderAndItsLibraryAreTheUsualPair(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("Qwen2-0.5B-Instruct-q4f16_1-MLC");
        dev.kvlens.io.MlcFolderFixturesAccess.weightsFolder(folder,
                "web-llm-models__v0_2_43__Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs2k-webgpu.wasm.json");

        CliTest.Run alone = run("estimate", "--model", folder.toString(), "--gpu-memory-mib", "8192", "--format", "json");
        CliTest.Run pair = run("estimate", "--model", folder.toString(), "--model-lib",
                SharedData.path(QWEN2_WASM).toString(), "--gpu-memory-mib", "8192", "--mode", "server");

        assertThat(alone.code()).isZero();
        JsonNode params = Json.parse("stdout", alone.out()).path("model").path("parameters");
        assertThat(params.path("bytes").asLong()).isEqualTo(277_996_288L); // mlc-libs-dev index
        assertThat(params.path("detail").asText()).isEqualTo("tensor-cache.json");
        assertThat(pair.code()).isZero();
        assertThat(pair.outLines()).contains(
                "Under mode \"server\", max batch size will be set to 80, max KV cache token capacity will be set to 334624, prefill chunk size will be set to 2048. ");
    }

    @Test
    void csvReachesStdoutOfARealProcessAndReadsBack() throws Exception {
        // a separate JVM: the in-process writers of the other tests do not buffer, System.out's encoder does
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kvlens.app.Launcher", "estimate",
                "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu-memory-mib", "81089", "--format", "csv")
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();

        java.util.List<String> lines = out.lines().toList();
        assertThat(lines).hasSizeGreaterThan(1);
        // the local row carries MLC's total of rules §7: 8174.157 MiB
        assertThat(out).contains("8174.157");
        int columns = lines.get(0).split(",", -1).length;
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
    }
}
