package dev.kvlens.app.cli;

import dev.kvlens.io.ChatConfigReader;
import dev.kvlens.io.HfConfigReader;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.CompileConfig;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.ModelLibrary;
import dev.kvlens.model.Quantization;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;

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

    @ArgGroup(exclusive = true)
    Params params;
    @ArgGroup(exclusive = true)
    Temp temp;

    /** The description the source option names. */
    ModelDescription description(PresetCatalog catalog) {
        if (source.chatConfig != null) {
            return ChatConfigReader.read(source.chatConfig);
        }
        if (source.hfConfig != null) {
            return HfConfigReader.read(source.hfConfig);
        }
        return catalog.model(source.preset).orElseThrow(() -> new IllegalArgumentException("unknown preset '"
                + source.preset + "' (known: " + String.join(", ", catalog.models().stream()
                .map(ModelDescription::id).toList()) + ")"));
    }

    /** What these options select: the model with its compile-time values, the scheme, measured figures. */
    record Selection(ModelDescription description, Quantization scheme, ByteFigure params, ByteFigure temp) {
        ModelLibrary library() {
            return ModelLibrary.build(description, scheme, description.compile(), params, temp);
        }
    }

    Selection select(PresetCatalog catalog) {
        ModelDescription description = description(catalog);
        Quantization scheme = quantization != null ? Quantization.require(quantization)
                : description.quantization().orElseThrow(() -> new IllegalArgumentException(
                "--quantization is required: " + description.source() + " does not name a quantization"));
        return new Selection(description.withCompile(compile(description.compile())), scheme, paramsFigure(),
                tempFigure());
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
            c = c.withMaxBatchSize(Sizes.positive("--max-batch-size", maxBatchSize));
        }
        if (tensorParallelShards != null) {
            c = c.withTensorParallelShards(Sizes.positive("--tensor-parallel-shards", tensorParallelShards));
        }
        if (pipelineParallelStages != null) {
            c = c.withPipelineParallelStages(Sizes.positive("--pipeline-parallel-stages", pipelineParallelStages));
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
