package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.TestScenarios;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.Backend;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.Device;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.EngineOverrides;
import dev.kvlens.model.engine.EngineSettings;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.mlc.LibraryMetadata;
import dev.kvlens.model.scenario.MlcCommands;
import dev.kvlens.model.engine.ModeEstimate;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.architecture.Quantization;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario files, CSV/JSON exports, library metadata and the MLC commands. */
class ImportExportTest {

    private static ScenarioSpec spec() {
        ModelDescription llama = TestScenarios.preset("llama-3-8b");
        ModelDescription compiled = llama.withCompile(llama.compile().withPrefillChunkSize(2048).withTensorParallelShards(2));
        EngineSettings engine = new EngineSettings(EngineMode.SERVER, OptionalDouble.of(0.9), EngineOverrides.NONE
                .withMaxNumSequence(OptionalLong.of(64)).withMaxSingleSequenceLength(OptionalLong.of(4096)));
        return new ScenarioSpec(compiled, Quantization.require("q4f16_1"), Optional.empty(),
                Optional.of(ByteFigure.given(327_155_712L, "compile log")),
                new Device("NVIDIA H100 80GB HBM3", Backend.CUDA, TestScenarios.H100_BYTES), engine, RuleSet.D2025);
    }

    @Test
    void scenarioFilesRoundTripToAnEqualScenario(@TempDir Path dir) throws Exception {
        ScenarioDocument document = new ScenarioDocument(spec(), TestScenarios.preset("llama-3-8b").compile(),
                Optional.of("HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC"));
        Path file = dir.resolve("llama.kvlens.json");
        ScenarioFiles.write(document, file, "KV Lens test");
        ScenarioDocument back = ScenarioFiles.read(file);
        assertThat(back.spec().model().geometry()).isEqualTo(document.spec().model().geometry());
        assertThat(back.spec().model().compile()).isEqualTo(document.spec().model().compile());
        assertThat(back.spec().engine()).isEqualTo(document.spec().engine());
        assertThat(back.spec().device()).isEqualTo(document.spec().device());
        assertThat(back.spec().tempFuncBytes()).isEqualTo(document.spec().tempFuncBytes());
        assertThat(back.modelDefaults()).isEqualTo(document.modelDefaults());
        assertThat(back.modelLocation()).isEqualTo(document.modelLocation());
        Estimate a = Estimator.estimate(document.spec().toScenario());
        Estimate b = Estimator.estimate(back.spec().toScenario());
        assertThat(EstimateJson.write(b)).isEqualTo(EstimateJson.write(a));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("llama.kvlens.json");
        }
    }

    @Test
    void otherSchemaVersionsGetAClearMessage() {
        String newer = "{\"kvlens\": \"scenario\", \"schemaVersion\": 7}";
        assertThatThrownBy(() -> ScenarioFiles.parse("s.json", Json.parse("s.json", newer)))
                .hasMessage("s.json: field 'schemaVersion' is 7: the file was saved by a newer KV Lens; this version reads schema 1");
        String older = "{\"kvlens\": \"scenario\", \"schemaVersion\": 0}";
        assertThatThrownBy(() -> ScenarioFiles.parse("s.json", Json.parse("s.json", older)))
                .hasMessageContaining("which no KV Lens version wrote");
        assertThatThrownBy(() -> ScenarioFiles.write(new ScenarioDocument(spec(), spec().model().compile(), Optional.empty()),
                Path.of("/nonexistent-dir/x.json"), "t")).hasMessageContaining("does not exist");
    }

    @Test
    void csvAndJsonGiveBackTheSameBytes() {
        Estimate e = Estimator.estimate(spec().toScenario());
        List<String> lines = EstimateCsv.write(e).lines().toList();
        assertThat(lines.get(0)).startsWith("rules,mode,selected,fits");
        assertThat(lines).hasSize(1 + 3 * 9);
        for (ModeEstimate m : e.modes()) {
            String total = lines.stream().filter(l -> l.contains("," + m.mode().mlcName() + ",") && l.contains(",total,"))
                    .findFirst().orElseThrow();
            assertThat(new BigDecimal(total.split(",")[8])).isEqualByComparingTo(new BigDecimal(m.totalBytes()));
        }
        JsonNode json = Json.parse("json", EstimateJson.write(e));
        for (ModeEstimate m : e.modes()) {
            assertThat(json.path("modes").path(m.mode().mlcName()).path("bytes").path("total").decimalValue())
                    .isEqualByComparingTo(new BigDecimal(m.totalBytes()));
        }
    }

    @Test
    void serveCommandCarriesOnlyWhatTheUserSet() {
        ScenarioSpec plain = new ScenarioSpec(TestScenarios.preset("llama-3-8b"), Quantization.require("q4f16_1"),
                Optional.empty(), Optional.empty(), new Device("d", Backend.CUDA, TestScenarios.RTX4090_BYTES),
                EngineSettings.defaults(EngineMode.LOCAL), RuleSet.D2025);
        MlcCommands simple = MlcCommands.of(plain, plain.model().compile(), Optional.of("HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC"));
        assertThat(simple.serve()).isEqualTo("mlc_llm serve HF://mlc-ai/Llama-3-8B-Instruct-q4f16_1-MLC --mode local");
        assertThat(simple.genConfig()).isEmpty();

        MlcCommands tuned = MlcCommands.of(spec(), TestScenarios.preset("llama-3-8b").compile(), Optional.empty());
        assertThat(tuned.serve()).isEqualTo("mlc_llm serve ./dist/llama-3-8b-q4f16_1-MLC --model-lib "
                + "./dist/libs/llama-3-8b-q4f16_1-cuda.so --mode server --overrides "
                + "\"max_num_sequence=64;context_window_size=4096;gpu_memory_utilization=0.9\"");
        assertThat(tuned.genConfig()).hasValue("mlc_llm gen_config <path-to-hf-model> --quantization q4f16_1 "
                + "--conv-template <template> --prefill-chunk-size 2048 --tensor-parallel-shards 2 -o ./dist/llama-3-8b-q4f16_1-MLC");
        assertThat(tuned.compile()).hasValue("mlc_llm compile ./dist/llama-3-8b-q4f16_1-MLC/mlc-chat-config.json "
                + "--device cuda -o ./dist/libs/llama-3-8b-q4f16_1-cuda.so");

        ScenarioSpec eraC = new ScenarioSpec(plain.model(), plain.quantization(), Optional.empty(), Optional.empty(),
                plain.device(), new EngineSettings(EngineMode.SERVER, OptionalDouble.of(0.9),
                EngineOverrides.NONE.withMaxNumSequence(OptionalLong.of(48))), RuleSet.C2024);
        assertThat(MlcCommands.of(eraC, eraC.model().compile(), Optional.of("dist/llama3")).serve())
                .isEqualTo("mlc_llm serve dist/llama3 --mode server --max-batch-size 48 --gpu-memory-utilization 0.9");
    }

    @Test
    void libraryMetadataGivesExactParametersAndTemporaryBuffer() {
        String json = """
                {"context_window_size": 8192, "prefill_chunk_size": 2048, "max_batch_size": 80,
                 "tensor_parallel_shards": 1, "pipeline_parallel_stages": 1, "quantization": "q4f16_1",
                 "model_type": "llama",
                 "kv_cache": {"num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128},
                 "memory_usage": {"batch_prefill": 327155712, "decode": 1048576, "softmax_with_temperature": 0},
                 "params": [
                   {"name": "model.embed_tokens.q_weight", "shape": ["vocab_size", 512], "dtype": "uint32"},
                   {"name": "model.embed_tokens.q_scale", "shape": ["vocab_size", 128], "dtype": "float16"},
                   {"name": "model.norm.weight", "shape": [4096], "dtype": "float16"}]}""";
        LibraryMetadata m = LibraryMetadataReader.parse("meta.json", Json.parse("meta.json", json), Map.of("vocab_size", 128256L));
        // embedding 128256 × (512 × 4 + 128 × 2) = 295,501,824 (rules §7) + norm 8,192
        assertThat(m.paramsBytes()).hasValue(295_501_824L + 8_192L);
        assertThat(m.tempFuncBytes()).hasValue(327_155_712L);
        assertThat(m.limits().prefillChunkSize()).hasValue(2048);
        assertThat(m.kvCache().orElseThrow().numKeyValueHeads()).isEqualTo(8);
        LibraryMetadata unresolved = LibraryMetadataReader.parse("meta.json", Json.parse("meta.json", json), Map.of());
        assertThat(unresolved.paramsBytes()).isEmpty();
        assertThat(unresolved.unresolved()).containsExactly("vocab_size");
    }

    @Test
    void theReaderTellsArtifactsApart(@TempDir Path dir) throws Exception {
        Path chat = dir.resolve("mlc-chat-config.json");
        Files.copy(ImportExportTest.class.getResourceAsStream("/configs/llama-3-8b-mlc-chat-config.json"), chat);
        assertThat(ArtifactReader.read(chat, Map.of())).isInstanceOfSatisfying(Artifact.ModelConfig.class,
                a -> assertThat(a.modelLocation()).hasValue(dir.toAbsolutePath().toString()));
        Path log = dir.resolve("compile.log");
        Files.writeString(log, "INFO model_metadata.py:96: Total memory usage: 4077.14 MB (Parameters: 3615.13 MB. "
                + "KVCache: 0.00 MB. Temporary buffer: 462.01 MB)\n");
        assertThat(ArtifactReader.read(log, Map.of())).isInstanceOf(Artifact.Log.class);
        Path binary = dir.resolve("lib.so");
        Files.write(binary, new byte[] {(byte) 0x7f, 'E', 'L', 'F', (byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> ArtifactReader.read(binary, Map.of())).hasMessage("lib.so: is an ELF shared library without "
                + "MLC model metadata (is it a library made by mlc_llm compile?)");
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {'a', (byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> ArtifactReader.read(junk, Map.of())).hasMessage("junk.bin: is not UTF-8 text (is it a binary file?)");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "nothing to see");
        assertThatThrownBy(() -> ArtifactReader.read(text, Map.of())).hasMessageStartingWith("notes.txt: contains no line");
        Path other = dir.resolve("package.json");
        Files.writeString(other, "{\"name\": \"x\"}");
        assertThatThrownBy(() -> ArtifactReader.read(other, Map.of())).hasMessageContaining("is JSON but not");
    }
}
