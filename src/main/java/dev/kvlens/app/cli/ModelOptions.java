package dev.kvlens.app.cli;

import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.ChatConfigReader;
import dev.kvlens.io.HfConfigReader;
import dev.kvlens.io.InputException;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Artifact;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Imports;
import dev.kvlens.model.InputLimits;
import dev.kvlens.model.CompileConfig;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.ModelLibrary;
import dev.kvlens.model.Quantization;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The model, compile-time and measured-value options shared by {@code estimate} and {@code compile-report}. */
final class ModelOptions {

    static final class Source {
        @Option(names = "--chat-config", paramLabel = "FILE", description = "An mlc-chat-config.json.")
        Path chatConfig;
        @Option(names = "--hf-config", paramLabel = "FILE", description = "A Hugging Face config.json.")
        Path hfConfig;
        @Option(names = "--preset", paramLabel = "ID", description = "A built-in model, e.g. llama-3-8b.")
        String preset;
    }

    static final class Params {
        @Option(names = "--params-bytes", paramLabel = "N", description = "Parameter bytes on one GPU (as MLC reports).")
        Long bytes;
        @Option(names = "--params-mib", paramLabel = "X", description = "Parameter size in MiB (MLC's \"MB\").")
        BigDecimal mib;
    }

    static final class Temp {
        @Option(names = "--temp-bytes", paramLabel = "N",
                description = "Compile-time max per-function temporary buffer in bytes, before the runtime x2.")
        Long bytes;
        @Option(names = "--temp-mib", paramLabel = "X", description = "The same in MiB (the compile log's \"Temporary buffer\").")
        BigDecimal mib;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--quantization", paramLabel = "Q", description = "Quantization scheme, e.g. q4f16_1 (required unless the chat config names it).")
    String quantization;

    @Option(names = "--context-window-size", paramLabel = "N", description = "Compile-time context_window_size.")
    Integer contextWindowSize;
    @Option(names = "--compile-prefill-chunk-size", paramLabel = "N", description = "Compile-time prefill_chunk_size.")
    Integer compilePrefillChunkSize;
    @Option(names = "--max-batch-size", paramLabel = "N", description = "Compile-time max_batch_size.")
    Integer maxBatchSize;
    @Option(names = "--tensor-parallel-shards", paramLabel = "N", description = "Compile-time tensor_parallel_shards.")
    Integer tensorParallelShards;
    @Option(names = "--pipeline-parallel-stages", paramLabel = "N", description = "Compile-time pipeline_parallel_stages.")
    Integer pipelineParallelStages;

    @Option(names = "--compile-log", paramLabel = "FILE",
            description = "What mlc_llm compile printed: the temporary buffer (and limits, parameters) come from it.")
    Path compileLog;

    @Option(names = "--library-metadata", paramLabel = "FILE",
            description = "The JSON of `python -m mlc_llm.cli.model_metadata <lib>`: exact bytes and limits.")
    Path libraryMetadata;

    @ArgGroup(exclusive = true)
    Params params;
    @ArgGroup(exclusive = true)
    Temp temp;

    /** The description the source option names. */
    ModelDescription description(PresetCatalog catalog) {
        if (source.chatConfig != null) {
            return withinLimits(source.chatConfig, ChatConfigReader.read(source.chatConfig));
        }
        if (source.hfConfig != null) {
            return withinLimits(source.hfConfig, HfConfigReader.read(source.hfConfig));
        }
        return catalog.model(source.preset).orElseThrow(() -> new IllegalArgumentException("unknown preset '"
                + source.preset + "' (known: " + String.join(", ", catalog.models().stream()
                .map(ModelDescription::id).toList()) + ")"));
    }

    /** The boundary of the readers: a description beyond {@link InputLimits} is refused naming the file and field. */
    private static ModelDescription withinLimits(Path file, ModelDescription description) {
        InputLimits.check(description).ifPresent(v -> {
            throw new InputException(file.getFileName() == null ? file.toString() : file.getFileName().toString(),
                    v.field(), v.problem());
        });
        return description;
    }

    /** What these options select: the model with its compile-time values, the scheme, measured figures. */
    record Selection(ModelDescription description, Quantization scheme, ByteFigure params, ByteFigure temp,
                     CompileConfig defaults) {
        ModelLibrary library() {
            return ModelLibrary.build(description, scheme, description.compile(), params, temp);
        }
    }

    Selection select(PresetCatalog catalog) {
        ModelDescription read = description(catalog);
        Quantization scheme = quantization != null ? Quantization.require(quantization)
                : read.quantization().orElseThrow(() -> new IllegalArgumentException(
                "--quantization is required: " + read.source() + " does not name a quantization"));
        ModelDescription description = read;
        ByteFigure importedParams = null;
        ByteFigure importedTemp = null;
        for (Imports.Applied applied : imports(description, scheme)) {
            description = applied.model();
            importedParams = applied.params().orElse(importedParams);
            importedTemp = applied.temp().orElse(importedTemp);
        }
        ByteFigure givenParams = paramsFigure();
        ByteFigure givenTemp = tempFigure();
        return new Selection(description.withCompile(compile(description.compile())), scheme,
                givenParams != null ? givenParams : importedParams, givenTemp != null ? givenTemp : importedTemp,
                description.compile());
    }

    /** Library metadata first, then the compile log (its printed values are the rounder ones). */
    private List<Imports.Applied> imports(ModelDescription description, Quantization scheme) {
        List<Imports.Applied> applied = new ArrayList<>();
        ModelDescription current = description;
        if (libraryMetadata != null) {
            Artifact artifact = ArtifactReader.read(libraryMetadata,
                    Map.of("vocab_size", (long) current.geometry().vocabSize()));
            if (!(artifact instanceof Artifact.Metadata metadata)) {
                throw new IllegalArgumentException(libraryMetadata + ": is not model_metadata JSON");
            }
            Imports.Applied a = Imports.metadata(current, metadata.metadata(), metadata.source());
            applied.add(a);
            current = a.model();
        }
        if (compileLog != null) {
            Artifact artifact = ArtifactReader.read(compileLog, Map.of());
            if (!(artifact instanceof Artifact.Log log) || log.log().compile().isEmpty()) {
                throw new IllegalArgumentException(compileLog + ": has no mlc_llm compile memory report");
            }
            applied.add(Imports.compileLog(current, scheme, log.log().compile().get(), log.source()));
        }
        return applied;
    }

    /** The compiled library these options describe. */
    ModelLibrary library(PresetCatalog catalog) {
        return select(catalog).library();
    }

    private CompileConfig compile(CompileConfig base) {
        CompileConfig c = base;
        if (contextWindowSize != null) {
            c = c.withContextWindowSize(contextWindowSize == -1 ? -1 : Sizes.positive("--context-window-size", contextWindowSize));
        }
        if (compilePrefillChunkSize != null) {
            c = c.withPrefillChunkSize(Sizes.positive("--compile-prefill-chunk-size", compilePrefillChunkSize));
        }
        if (maxBatchSize != null) {
            c = c.withMaxBatchSize(Sizes.atMost("--max-batch-size", Sizes.positive("--max-batch-size", maxBatchSize),
                    InputLimits.MAX_BATCH));
        }
        if (tensorParallelShards != null) {
            c = c.withTensorParallelShards(Sizes.atMost("--tensor-parallel-shards",
                    Sizes.positive("--tensor-parallel-shards", tensorParallelShards), InputLimits.MAX_SHARDS));
        }
        if (pipelineParallelStages != null) {
            c = c.withPipelineParallelStages(Sizes.atMost("--pipeline-parallel-stages",
                    Sizes.positive("--pipeline-parallel-stages", pipelineParallelStages), InputLimits.MAX_SHARDS));
        }
        return c;
    }

    private ByteFigure paramsFigure() {
        if (params == null) {
            return null;
        }
        return params.bytes != null
                ? ByteFigure.given(Sizes.bytes("--params-bytes", params.bytes, false), "--params-bytes")
                : ByteFigure.given(Sizes.mibToBytes("--params-mib", params.mib), "--params-mib " + params.mib.toPlainString());
    }

    private ByteFigure tempFigure() {
        if (temp == null) {
            return null;
        }
        return temp.bytes != null
                ? ByteFigure.given(Sizes.bytes("--temp-bytes", temp.bytes, true), "--temp-bytes")
                : ByteFigure.given(Sizes.mibToBytes("--temp-mib", temp.mib), "--temp-mib " + temp.mib.toPlainString());
    }
}
