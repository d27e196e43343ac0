package dev.kvlens.app.cli;

import dev.kvlens.io.ChatConfigReader;
import dev.kvlens.io.ModelFolders;
import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.planner.PlannerTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --additional-model FILE|DIR}: the models MLC runs next to the main one for speculative decoding (a draft
 * model, Eagle or Medusa heads; rules §3.8), each an {@code mlc-chat-config.json} or an MLC model folder whose tensor
 * cache gives the parameter bytes. Each keeps its own scheme (the chat config names it), compile-time limits and
 * chat-config values, as MLC reads them per model, and the folder {@code mlc_llm serve --additional-models} takes.
 */
final class AdditionalModels {

    private AdditionalModels() {
    }

    /** Reads every path in order; the temporary buffer of each is estimated for {@code target}. */
    static List<ModelLibrary> read(List<Path> paths, PlannerTarget target) {
        return libraries(models(paths), target);
    }

    /** The libraries of the models for {@code target}. */
    static List<ModelLibrary> libraries(List<AdditionalModel> models, PlannerTarget target) {
        return models.stream().map(m -> m.library(target)).toList();
    }

    /** Reads every path in order, each with its folder (the one given, or the one holding the chat config). */
    static List<AdditionalModel> models(List<Path> paths) {
        List<AdditionalModel> models = new ArrayList<>(paths.size());
        for (Path path : paths) {
            models.add(model(path));
        }
        return models;
    }

    private static AdditionalModel model(Path path) {
        AdditionalModel model;
        if (Files.isDirectory(path)) {
            Artifact.ModelFolder folder = ModelFolders.read(path);
            model = AdditionalModel.of(folder.description(), folder.params());
        } else if (Files.isRegularFile(path)) {
            model = AdditionalModel.of(ChatConfigReader.read(path), Optional.empty());
        } else {
            throw new IllegalArgumentException(path + ": does not exist (--additional-model takes an "
                    + "mlc-chat-config.json or an MLC model folder)");
        }
        Path folder = Files.isDirectory(path) || path.getParent() == null ? path : path.getParent();
        return model.at(folder.toString());
    }
}
