package dev.kvlens.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kvlens.app.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code estimate --additional-model FILE|DIR} end to end (rules §3.8). The scenario is the one of
 * {@code AdditionalModelsTest}: target Llama-3-8B q4f16_1 (P1 4,517,404,672 B, tempFunc 1,308,622,848 B given), a
 * Llama-3.2-1B-shaped draft compiled with ctx 4096, S_c 2048, batch 64 whose tensor cache sums to 700,000,000 B, an
 * H100 (85,027,979,264 B). The draft's unmeasured temporary buffer is far below the target's (§4.2 heuristic for
 * S_c 2048: 2048 × (2·16384 + 8192 + 2·2048) × 2 = 184,549,376 B), so the max over models is the target's.
 */
class AdditionalModelCliTest {

    @TempDir
    Path dir;

    private Path target() throws IOException {
        ObjectNode chat = (ObjectNode) Json.readResource("/configs/llama-3-8b-mlc-chat-config.json");
        ObjectNode model = (ObjectNode) chat.get("model_config");
        model.put("prefill_chunk_size", 8192);
        model.put("max_batch_size", 128);
        chat.put("prefill_chunk_size", 8192);
        Path file = dir.resolve("target-mlc-chat-config.json");
        Files.writeString(file, Json.mapper().writeValueAsString(chat));
        return file;
    }

    private Path draftFolder() throws IOException {
        return dev.kvlens.TestScenarios.llamaDraftFolder(dir);
    }

    private Path medusaConfig() throws IOException {
        Path file = dir.resolve("medusa-mlc-chat-config.json");
        Files.writeString(file, """
                {"model_type": "medusa", "quantization": "q0f16",
                 "model_config": {"medusa_num_heads": 4, "medusa_num_layers": 1, "hidden_size": 4096,
                   "vocab_size": 128256, "max_batch_size": 128, "prefill_chunk_size": -1, "context_window_size": -1},
                 "context_window_size": -1, "prefill_chunk_size": -1}
                """);
        return file;
    }

    private String[] args(String... more) throws IOException {
        String[] base = {"estimate", "--chat-config", target().toString(), "--params-bytes", "4517404672",
                "--temp-bytes", "1308622848", "--gpu-memory-bytes", "85027979264"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void aDraftFolderJoinsMlcsSumsInTheLogLines() throws IOException {
        CliTest.Run r = run(args("--additional-model", draftFolder().toString()));

        // Hand arithmetic in AdditionalModelsTest: params 5,217,404,672; kv/token 163,842.5; local B 4, T 4096, P 2048
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.outLines()).contains(
                "Under mode \"local\", max batch size will be set to 4, max KV cache token capacity will be set to 4096, "
                        + "prefill chunk size will be set to 2048. ",
                "Under mode \"server\", max batch size will be set to 64, max KV cache token capacity will be set to "
                        + "262144, prefill chunk size will be set to 2048. ",
                "Estimated total single GPU memory usage: 8550.158 MB (Parameters: 4975.705 MB. KVCache: 918.589 MB. "
                        + "Temporary buffer: 2655.865 MB). The actual usage might be slightly larger than the estimated number.");
    }

    @Test
    void jsonListsTheAdditionalModelsWithProvenance() throws IOException {
        Path draft = draftFolder();
        CliTest.Run r = run(args("--additional-model", draft.toString(), "--format", "json"));

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = Json.parse("stdout", r.out());
        JsonNode extra = root.path("additionalModels");
        assertThat(extra.size()).isEqualTo(1);
        assertThat(extra.get(0).path("source").asText()).isEqualTo(draft.toString());
        assertThat(extra.get(0).path("parameters").path("bytes").asLong()).isEqualTo(700_000_000L);
        assertThat(extra.get(0).path("parameters").path("provenance").asText()).isEqualTo("given");
        assertThat(extra.get(0).path("parameters").path("detail").asText()).contains("tensor-cache.json");
        assertThat(extra.get(0).path("tempFunction").path("exact").asBoolean()).isFalse();
        assertThat(extra.get(0).path("tempFunction").path("bytes").asLong()).isLessThan(1_308_622_848L);
        JsonNode local = root.path("modes").path("local");
        assertThat(local.path("bytes").path("parameters").asLong()).isEqualTo(5_217_404_672L);
        assertThat(local.path("bytes").path("kvBytesPerToken").asDouble()).isEqualTo(163_842.5);
        assertThat(local.path("bytes").path("tempBuffer").asLong()).isEqualTo(2_617_245_696L);
        // two f32 [2B, V]: 2 · 8 · 128,256 · 4
        assertThat(local.path("draftTokenWorkspaceBytes").asLong()).isEqualTo(8_208_384L);
        // server B 64: 2 · 128 · 128,256 · 4
        assertThat(root.path("modes").path("server").path("draftTokenWorkspaceBytes").asLong()).isEqualTo(131_334_144L);
    }

    @Test
    void medusaFromItsChatConfigAddsItsMinusOneTerms() throws IOException {
        CliTest.Run r = run(args("--additional-model", medusaConfig().toString(), "--format", "json"));

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode local = Json.parse("stdout", r.out()).path("modes").path("local");
        // §3.8: kv/token 131,073.25 + 1.25; kv_aux 220,266,936 + (5·88 − 8 + 50,331,648); model_ws 134,283,280 + 12
        assertThat(local.path("bytes").path("kvBytesPerToken").asDouble()).isEqualTo(131_074.5);
        assertThat(local.path("bytes").path("kvAux").asDouble()).isEqualTo(270_599_016.0);
        assertThat(local.path("bytes").path("modelWorkspace").asDouble()).isEqualTo(134_283_292.0);
        // the −1 limits are ignored: T and P stay the target's 8192
        assertThat(local.path("maxTotalSequenceLength").asLong()).isEqualTo(8192);
        assertThat(local.path("prefillChunkSize").asLong()).isEqualTo(8192);
    }

    @Test
    void emittedServeCommandNamesTheDraftModelsAsMlcTakesThem() throws IOException {
        Path draft = draftFolder();
        CliTest.Run folder = run(args("--additional-model", draft.toString(), "--emit-command"));
        CliTest.Run medusa = run(args("--additional-model", medusaConfig().toString(), "--emit-command"));

        // MLC cli/serve.py: --additional-models takes model folders (nargs="*"), --speculative-mode
        // disable|small_draft|eagle|medusa; a chat config's folder is the one that holds it
        assertThat(folder.code()).as(folder.err()).isZero();
        assertThat(folder.out().strip()).endsWith("--mode local --additional-models " + draft
                + " --speculative-mode small_draft");
        assertThat(folder.err()).doesNotContain("main model only");
        assertThat(medusa.out().strip()).endsWith("--additional-models " + dir + " --speculative-mode medusa");
    }

    @Test
    void aSavedScenarioFileKeepsItsDraftModelForTheNextRun() throws IOException {
        Path draft = draftFolder();
        Path file = dir.resolve("with-draft.kvlens.json");
        CliTest.Run saved = run(args("--additional-model", draft.toString(), "--save-scenario", file.toString()));
        CliTest.Run again = run("estimate", "--scenario", file.toString());
        CliTest.Run command = run("estimate", "--scenario", file.toString(), "--emit-command");
        CliTest.Run mixed = run("estimate", "--scenario", file.toString(), "--preset", "llama-3-8b");

        assertThat(saved.code()).as(saved.err()).isZero();
        assertThat(Files.readString(file)).contains("\"additionalModels\"");
        // the same two-model figure as aDraftFolderJoinsMlcsSumsInTheLogLines (AdditionalModelsTest's arithmetic)
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.outLines()).contains("Estimated total single GPU memory usage: 8550.158 MB (Parameters: "
                + "4975.705 MB. KVCache: 918.589 MB. Temporary buffer: 2655.865 MB). The actual usage might be slightly "
                + "larger than the estimated number.");
        assertThat(command.out().strip()).endsWith("--additional-models " + draft + " --speculative-mode small_draft");
        assertThat(mixed.code()).isEqualTo(2);
        assertThat(mixed.err().strip()).startsWith("kvlens: --preset: the scenario file with-draft.kvlens.json gives the model")
                .doesNotContain("\n");
    }

    @Test
    void badInputIsOneLineWithExitTwo() throws IOException {
        CliTest.Run missing = run(args("--additional-model", dir.resolve("nowhere").toString()));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("nowhere").contains("does not exist").doesNotContain("Exception")
                .doesNotContain("\n");

        CliTest.Run medusaAlone = run("estimate", "--chat-config", medusaConfig().toString(), "--gpu-memory-mib", "8192");
        assertThat(medusaAlone.code()).isEqualTo(2);
        assertThat(medusaAlone.err()).contains("draft model").contains("--additional-model").doesNotContain("Exception");

        CliTest.Run eraC = run(args("--additional-model", medusaConfig().toString(), "--rules", "c2024"));
        assertThat(eraC.code()).isEqualTo(2);
        assertThat(eraC.err()).contains("Medusa").doesNotContain("Exception");
    }
}
