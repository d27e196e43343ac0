package dev.kvlens.app;

import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.AtomicFiles;
import dev.kvlens.io.EstimateCsv;
import dev.kvlens.io.EstimateJson;
import dev.kvlens.io.LocalModels;
import dev.kvlens.io.PngWriter;
import dev.kvlens.io.ScenarioFiles;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.ui.common.FileService;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The window's file work, done by the io layer. */
final class IoFileService implements FileService {

    @Override
    public Artifact read(Path path, Map<String, Long> symbols) {
        return ArtifactReader.read(path, symbols);
    }

    @Override
    public Artifact parse(String source, String text, Map<String, Long> symbols) {
        return ArtifactReader.parse(source, text, symbols, Optional.empty());
    }

    @Override
    public List<InstalledModel> installedModels() {
        return LocalModels.find();
    }

    @Override
    public List<Path> modelCaches() {
        return LocalModels.caches();
    }

    @Override
    public void writePng(RenderedImage image, Path path) throws IOException {
        PngWriter.write(image, path);
    }

    @Override
    public void writeScenario(ScenarioDocument document, Path path) throws IOException {
        ScenarioFiles.write(document, path, "KV Lens " + AppVersion.version());
    }

    @Override
    public void writeCsv(Estimate estimate, Path path) throws IOException {
        writeText(path, EstimateCsv.write(estimate));
    }

    @Override
    public void writeJson(Estimate estimate, Path path) throws IOException {
        writeText(path, EstimateJson.write(estimate) + "\n");
    }

    private static void writeText(Path path, String text) throws IOException {
        AtomicFiles.writeText(path, text);
    }
}
