package dev.kvlens.ui.common;

import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.model.scenario.ScenarioDocument;

import java.awt.image.RenderedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file service for view-model tests (the io readers are tested on their own): reads return fixed artifacts by path,
 * the caches hold fixed entries, writes do nothing.
 */
public final class StubFileService implements FileService {

    private final Map<String, Artifact> artifacts;
    private final List<InstalledModel> installed;
    private final List<Path> caches;

    public StubFileService(Map<String, Artifact> artifacts, List<InstalledModel> installed, List<Path> caches) {
        this.artifacts = artifacts;
        this.installed = installed;
        this.caches = caches;
    }

    @Override
    public Artifact read(Path path, Map<String, Long> symbols) {
        Artifact a = artifacts.get(path.toString());
        if (a == null) {
            throw new IllegalArgumentException(path + ": does not exist");
        }
        return a;
    }

    @Override
    public Artifact parse(String source, String text, Map<String, Long> symbols) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<InstalledModel> installedModels() {
        return installed;
    }

    @Override
    public List<Path> modelCaches() {
        return caches;
    }

    @Override
    public void writePng(RenderedImage image, Path path) {
    }

    @Override
    public void writeScenario(ScenarioDocument document, Path path) {
    }

    @Override
    public void writeCsv(Estimate estimate, Path path) {
    }

    @Override
    public void writeJson(Estimate estimate, Path path) {
    }
}
