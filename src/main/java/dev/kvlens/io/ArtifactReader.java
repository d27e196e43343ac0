package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.mlc.PrintedLog;

import dev.kvlens.model.engine.InputLimits;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.mlc.LibraryMetadata;
import dev.kvlens.text.Phrase;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Opens whatever the user drops or picks: a model folder, a compiled model library (told apart by its first bytes),
 * a chat config, a Hugging Face config, library metadata, a saved scenario (all JSON, told apart by their fields) or
 * MLC's log text. Every failure is an {@link InputException}
 * naming the file.
 */
public final class ArtifactReader {

    private ArtifactReader() {
    }

    /**
     * Reads a file.
     *
     * @param symbols values for symbolic dimensions of library metadata (e.g. the current vocab_size)
     */
    public static Artifact read(Path path, Map<String, Long> symbols) {
        String name = BoundedFiles.name(path);
        if (Files.isDirectory(path)) {
            return checked(name, () -> ModelFolders.read(path));
        }
        if (LibraryFiles.isLibrary(path)) {
            return checked(name, () -> LibraryFiles.read(path, symbols));
        }
        String text = BoundedFiles.readUtf8(path, Json.MAX_FILE_BYTES);
        Path folder = path.toAbsolutePath().getParent();
        return parse(name, text, symbols, Optional.ofNullable(folder).map(Path::toString));
    }

    /**
     * Reads text (a file's content or the clipboard). Whatever the text, the result is an artifact within
     * {@link InputLimits} or an {@link InputException} naming the source (and the field, when one is at fault).
     */
    public static Artifact parse(String source, String text, Map<String, Long> symbols, Optional<String> folder) {
        return checked(source, () -> interpret(source, text, symbols, folder));
    }

    /** Reads with {@code reader}, turning arithmetic and argument failures into a line naming the source. */
    private static Artifact checked(String source, java.util.function.Supplier<Artifact> reader) {
        Artifact artifact;
        try {
            artifact = reader.get();
        } catch (InputException e) {
            throw e;
        } catch (ArithmeticException e) {
            throw new InputException(source, "", Phrase.of("io.number.sizeTooLarge"));
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "", ReportedProblems.of(e));
        }
        check(source, artifact);
        return artifact;
    }

    private static Artifact interpret(String source, String text, Map<String, Long> symbols, Optional<String> folder) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.length() > Json.MAX_FILE_BYTES) {
            throw new InputException(source, "", Phrase.of("io.file.longerThan16Mib"));
        }
        if (body.stripLeading().startsWith("{")) {
            JsonNode root = Json.parse(source, body);
            if (ScenarioFiles.looksLike(root)) {
                return new Artifact.SavedScenario(source, ScenarioFiles.parse(source, root));
            }
            if (LibraryMetadataReader.looksLike(root)) {
                try {
                    return new Artifact.Metadata(source, LibraryMetadataReader.parse(source, root, symbols));
                } catch (ArithmeticException e) {
                    throw new InputException(source, "params", Phrase.of("io.params.overflow"));
                }
            }
            Optional<String> known = ModelNames.ofConfig(folder.map(Path::of), root);
            if (root.has("model_config")) {
                return new Artifact.ModelConfig(source, named(ChatConfigReader.parse(source, root), known), folder);
            }
            if (root.has("model_type")) {
                String model = known.or(() -> folder.map(f -> Path.of(f).getFileName()).map(Path::toString)).orElse(source);
                return new Artifact.ModelConfig(source, HfConfigReader.parse(source, model, root), Optional.empty());
            }
            throw new InputException(source, "", Phrase.of("io.json.unknownKind"));
        }
        PrintedLog log = MlcLogParser.parse(body);
        if (log.isEmpty()) {
            throw new InputException(source, "", log.warnings().isEmpty() ? Phrase.of("io.log.nothingRecognized")
                    : Phrase.of("io.log.nothingRecognizedBecause", log.warnings().get(0)));
        }
        return new Artifact.Log(source, log);
    }

    /** The description under the name its user knows the model by, when the config's place tells it. */
    private static ModelDescription named(ModelDescription d, Optional<String> name) {
        return name.map(n -> new ModelDescription(n, n, d.geometry(), d.quantization(), d.compile(), d.chatConfig(),
                d.source())).orElse(d);
    }

    /** Refuses values beyond {@link InputLimits}, naming the field. */
    private static void check(String source, Artifact artifact) {
        Optional<InputLimits.Violation> violation = Optional.empty();
        if (artifact instanceof Artifact.ModelConfig config) {
            violation = InputLimits.check(config.description());
        } else if (artifact instanceof Artifact.ModelFolder folder) {
            violation = InputLimits.check(folder.description())
                    .or(() -> folder.params().flatMap(p -> InputLimits.bytes("records.nbytes", p.bytes())));
        } else if (artifact instanceof Artifact.SavedScenario saved) {
            violation = saved.document().spec().limitViolation();
        } else if (artifact instanceof Artifact.Metadata metadata) {
            LibraryMetadata m = metadata.metadata();
            if (m.paramsBytes().isPresent()) {
                violation = InputLimits.bytes("params", m.paramsBytes().getAsLong());
            }
            for (Map.Entry<String, Long> f : m.functionBytes().entrySet()) {
                violation = violation.or(() -> InputLimits.bytes("memory_usage." + f.getKey(), f.getValue()));
            }
        } else if (artifact instanceof Artifact.Log log) {
            violation = log.log().compile().flatMap(ArtifactReader::compileLog);
        }
        violation.ifPresent(v -> {
            throw new InputException(source, v.field(), ReportedProblems.of(v.problem()));
        });
    }

    private static Optional<InputLimits.Violation> compileLog(PrintedLog.Compile c) {
        Optional<InputLimits.Violation> v = c.paramsMib().flatMap(mib -> InputLimits.mib("Parameters", mib))
                .or(() -> c.tempMib().flatMap(mib -> InputLimits.mib("Temporary buffer", mib)));
        for (Map.Entry<String, BigDecimal> f : c.functionMib().entrySet()) {
            v = v.or(() -> InputLimits.mib("Function " + f.getKey(), f.getValue()));
        }
        return v;
    }
}
