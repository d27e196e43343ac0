package dev.kvlens.app.cli;

import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.ChatConfigReader;
import dev.kvlens.io.HfConfigReader;
import dev.kvlens.io.InputException;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.io.ReportedProblems;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.mlc.Imports;
import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.model.library.CompileConfig;
import dev.kvlens.model.mlc.LibraryModels;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.SameModel;
import dev.kvlens.model.planner.PlannerTarget;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.architecture.Quantization;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The model, compile-time and measured-value options shared by {@code estimate} and {@code compile-report}. */
final class ModelOptions {

    static final class Source {
        @Option(names = "--model", paramLabel = "DIR",
                description = "A model folder: MLC weights (mlc-chat-config.json + tensor-cache.json) or Hugging Face (config.json).")
        Path model;
        @Option(names = "--chat-config", paramLabel = "FILE", description = "An mlc-chat-config.json.")
        Path chatConfig;
        @Option(names = "--hf-config", paramLabel = "FILE", description = "A Hugging Face config.json.")
        Path hfConfig;
        @Option(names = "--preset", paramLabel = "ID", description = "A built-in model, e.g. llama-3-8b.")
        String preset;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--target", paramLabel = "T",
            description = "Compile target of the library: cuda, rocm, vulkan, metal, opencl, webgpu, android, iphone or mali "
                    + "(default: the device's backend; cuda for compile-report). Decides how an unmeasured temporary buffer is estimated.")
    String target;

    @Option(names = "--built-on", paramLabel = "YYYY-MM-DD",
            description = "Date of the mlc-llm commit the library was built with: computed parameters follow that "
                    + "era's model files (separate lm_head, MoE gates; rules §1.3); for compile-report also the "
                    + "2024-01/2024-03 KVCache field (the legacy KV the model file still declared then). "
                    + "Default: the current model files (compile-report: the era's own date).")
    String builtOn;

    @Option(names = "--model-lib", paramLabel = "FILE",
            description = "A compiled model library (.so, .dylib, .dll, .wasm, .tar): exact parameter and temporary bytes, limits.")
    Path modelLib;

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

    private ByteFigure folderParams;
    private final List<String> libraryNotes = new ArrayList<>();

    @ArgGroup(exclusive = true)
    MeasuredFigures.Params params;
    @ArgGroup(exclusive = true)
    MeasuredFigures.Temp temp;

    /** The description the source option names (a model folder's tensor cache gives its parameter bytes too). */
    ModelDescription description(PresetCatalog catalog) {
        if (source == null) {
            throw new IllegalArgumentException(ModelOptionsMixin.GIVE_THE_MODEL);
        }
        if (source.model != null) {
            if (!(ArtifactReader.read(source.model, Map.of()) instanceof Artifact.ModelFolder folder)) {
                throw new IllegalArgumentException(source.model + ": is not a model folder");
            }
            folderParams = folder.params().orElse(null);
            folder.weightsDtype().ifPresent(d -> libraryNotes.add(folder.source() + ": the checkpoint stores its "
                    + "weights as " + d + "; --quantization chooses what MLC converts them to"));
            return folder.description();
        }
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
                    v.field(), ReportedProblems.of(v.problem()));
        });
        return description;
    }

    /** What these options select: the model with its compile-time values, the scheme, measured figures. */
    record Selection(ModelDescription description, Quantization scheme, ByteFigure params, ByteFigure temp,
                     CompileConfig defaults, List<String> notes, java.util.Optional<PlannerTarget> target,
                     java.util.Optional<LocalDate> builtOn) {
        /** The library, compiled for the --target given, else for CUDA. */
        ModelLibrary library() {
            return library(target.orElse(PlannerTarget.CUDA));
        }

        /** The library compiled for a target (the --target given wins). */
        ModelLibrary library(PlannerTarget fallback) {
            return ModelLibrary.build(description, scheme, description.compile(), params, temp, target.orElse(fallback));
        }
    }

    Selection select(PresetCatalog catalog) {
        return select(catalog, java.util.Optional.empty());
    }

    /** The selection; {@code fallback} stands in when nothing names a quantization (--all-quantizations lists them all). */
    Selection select(PresetCatalog catalog, java.util.Optional<Quantization> fallback) {
        Artifact.Metadata library = null;
        ModelDescription read;
        if (source == null && modelLib != null) {
            library = readLibrary(Map.of());
            List<dev.kvlens.text.Phrase> said = new ArrayList<>();
            read = LibraryModels.describe(library.source(), library.metadata(), said);
            said.forEach(p -> libraryNotes.add(dev.kvlens.text.Phrases.format(java.util.Locale.ENGLISH, p)));
        } else {
            read = description(catalog);
            if (modelLib != null) {
                library = readLibrary(Map.of("vocab_size", (long) read.geometry().vocabSize()));
            }
        }
        if (read.compile().prefillChunkSize() == -1) {
            throw new IllegalArgumentException(read.source() + ": model_type '" + read.geometry().modelType()
                    + "' is a draft model (Medusa heads, prefill_chunk_size -1): give it with --additional-model "
                    + "next to a main model");
        }
        Artifact.Metadata lib = library;
        Quantization scheme = quantization != null ? Quantization.require(quantization)
                : read.quantization().or(() -> lib == null ? java.util.Optional.empty()
                        : lib.metadata().quantization().flatMap(Quantization::byName)).or(() -> fallback)
                .orElseThrow(() -> new IllegalArgumentException(
                "--quantization is required: " + read.source() + " does not name a quantization"));
        ModelDescription description = read;
        ByteFigure importedParams = folderParams;
        ByteFigure importedTemp = null;
        for (Imports.Applied applied : imports(description, scheme, library)) {
            description = applied.model();
            importedParams = applied.params().orElse(importedParams);
            importedTemp = applied.temp().orElse(importedTemp);
        }
        ByteFigure givenParams = params == null ? null : params.figure();
        ByteFigure givenTemp = temp == null ? null : temp.figure();
        ModelDescription compiled = description.withCompile(compile(description.compile()));
        ByteFigure params = givenParams != null ? givenParams : importedParams;
        java.util.Optional<LocalDate> date = builtOn();
        if (params == null && date.isPresent()) {
            // the layout of that date's model files, computed once here so that every path takes it
            params = ModelLibrary.build(compiled, scheme, compiled.compile(), null, null)
                    .builtOn(date.get()).paramsBytes();
        }
        return new Selection(compiled, scheme, params, givenTemp != null ? givenTemp : importedTemp,
                description.compile(), List.copyOf(libraryNotes), target(), date);
    }

    /** {@code --built-on}, parsed. */
    java.util.Optional<LocalDate> builtOn() {
        if (builtOn == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDate.parse(builtOn.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--built-on: '" + builtOn + "' is not a date (expected YYYY-MM-DD)");
        }
    }

    private Artifact.Metadata readLibrary(Map<String, Long> symbols) {
        if (!(ArtifactReader.read(modelLib, symbols) instanceof Artifact.Metadata library)) {
            throw new IllegalArgumentException(modelLib.getFileName() + ": is not a compiled model library or its metadata");
        }
        return library;
    }

    /** The library first, then library metadata, then the compile log (its printed values are the rounder ones). */
    private List<Imports.Applied> imports(ModelDescription description, Quantization scheme, Artifact.Metadata library) {
        List<Imports.Applied> applied = new ArrayList<>();
        ModelDescription current = description;
        if (library != null) {
            refuseOtherModel(SameModel.mismatch(current, library.metadata(), library.source()));
            Imports.Applied a = Imports.metadata(current, library.metadata(), library.source());
            applied.add(a);
            current = a.model();
        }
        if (libraryMetadata != null) {
            Artifact artifact = ArtifactReader.read(libraryMetadata,
                    Map.of("vocab_size", (long) current.geometry().vocabSize()));
            if (!(artifact instanceof Artifact.Metadata metadata)) {
                throw new IllegalArgumentException(libraryMetadata + ": is not model_metadata JSON");
            }
            refuseOtherModel(SameModel.mismatch(current, metadata.metadata(), metadata.source()));
            Imports.Applied a = Imports.metadata(current, metadata.metadata(), metadata.source());
            applied.add(a);
            current = a.model();
        }
        if (compileLog != null) {
            Artifact artifact = ArtifactReader.read(compileLog, Map.of());
            if (!(artifact instanceof Artifact.Log log) || log.log().compile().isEmpty()) {
                throw new IllegalArgumentException(compileLog + ": has no mlc_llm compile memory report");
            }
            refuseOtherModel(SameModel.mismatch(current, log.log().compile().get().metadata(), log.source()));
            applied.add(Imports.compileLog(current, scheme, log.log().compile().get(), log.source()));
        }
        return applied;
    }

    private java.util.Optional<PlannerTarget> target() {
        if (target == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(PlannerTarget.fromMlcName(target));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target: " + e.getMessage());
        }
    }

    private static void refuseOtherModel(java.util.Optional<SameModel.Mismatch> mismatch) {
        mismatch.ifPresent(m -> {
            throw new dev.kvlens.text.PhrasedException(m.phrase());
        });
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
}
