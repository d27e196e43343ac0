package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kvlens.model.Artifact;
import dev.kvlens.model.PrintedLog;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        if (Files.isDirectory(path)) {
            return ModelFolders.read(path);
        }
        if (LibraryFiles.isLibrary(path)) {
            return LibraryFiles.read(path, symbols);
        }
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        String text;
        try {
            long size = Files.size(path);
            if (size > Json.MAX_FILE_BYTES) {
                throw new InputException(name, "", "is " + size + " bytes; files over 16 MiB are not read");
            }
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), "", "does not exist");
        } catch (CharacterCodingException e) {
            throw new InputException(name, "", "is not UTF-8 text (is it a binary file?)");
        } catch (IOException e) {
            throw new InputException(path.toString(), "", "cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        Path folder = path.toAbsolutePath().getParent();
        return parse(name, text, symbols, Optional.ofNullable(folder).map(Path::toString));
    }

    /** Reads text (a file's content or the clipboard). */
    public static Artifact parse(String source, String text, Map<String, Long> symbols, Optional<String> folder) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.length() > Json.MAX_FILE_BYTES) {
            throw new InputException(source, "", "is longer than 16 MiB");
        }
        if (body.stripLeading().startsWith("{")) {
            JsonNode root = Json.parse(source, body);
            if (ScenarioFiles.looksLike(root)) {
                return new Artifact.SavedScenario(source, ScenarioFiles.parse(source, root));
            }
            if (LibraryMetadataReader.looksLike(root)) {
                return new Artifact.Metadata(source, LibraryMetadataReader.parse(source, root, symbols));
            }
            if (root.has("model_config")) {
                return new Artifact.ModelConfig(source, ChatConfigReader.parse(source, root), folder);
            }
            if (root.has("model_type")) {
                String model = folder.map(f -> Path.of(f).getFileName()).map(Path::toString).orElse(source);
                return new Artifact.ModelConfig(source, HfConfigReader.parse(source, model, root), Optional.empty());
            }
            throw new InputException(source, "", "is JSON but not a chat config, a Hugging Face config, library "
                    + "metadata or a KV Lens scenario");
        }
        PrintedLog log = MlcLogParser.parse(body);
        if (log.isEmpty()) {
            throw new InputException(source, "", "contains no line KV Lens recognizes from mlc_llm compile, serve or chat"
                    + (log.warnings().isEmpty() ? "" : " (" + log.warnings().get(0) + ")"));
        }
        return new Artifact.Log(source, log);
    }
}
