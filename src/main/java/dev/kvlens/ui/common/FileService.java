package dev.kvlens.ui.common;

import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.model.scenario.ScenarioDocument;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The file work the window needs, supplied by the app from the io layer. Failures carry a message that names
 * the file and the problem.
 */
public interface FileService {

    /** Reads an MLC artifact or a saved scenario; symbols resolve library metadata dimensions. */
    Artifact read(Path path, Map<String, Long> symbols);

    /** Reads pasted text (a log, or JSON). */
    Artifact parse(String source, String text, Map<String, Long> symbols);

    /** What MLC and Hugging Face keep installed here (slow: reads the libraries' metadata). */
    List<InstalledModel> installedModels();

    /** The cache folders {@link #installedModels()} searches. */
    List<Path> modelCaches();

    void writePng(RenderedImage image, Path path) throws IOException;

    void writeScenario(ScenarioDocument document, Path path) throws IOException;

    void writeCsv(Estimate estimate, Path path) throws IOException;

    void writeJson(Estimate estimate, Path path) throws IOException;
}
