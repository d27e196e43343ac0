package dev.kvlens.app.cli;

import dev.kvlens.io.ChatConfigReader;
import dev.kvlens.io.ModelFolders;
import dev.kvlens.model.Artifact;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.MlcCommands;
import dev.kvlens.model.ModelLibrary;
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
 * chat-config values, as MLC reads them per model.
 */
final class AdditionalModels {

    private AdditionalModels() {
    }

    /** Reads every path in order; the temporary buffer of each is estimated for {@code target}. */
    static List<ModelLibrary> read(List<Path> paths, PlannerTarget target) {
        List<ModelLibrary> models = new ArrayList<>(paths.size());
        for (Path path : paths) {
            models.add(read(path, target));
        }
        return models;
    }

    /** What serve's {@code --additional-models} takes for each: the folder given, or the one holding the chat config. */
    static List<MlcCommands.Additional> serveArguments(List<Path> paths, List<ModelLibrary> models) {
        List<MlcCommands.Additional> arguments = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            Path folder = Files.isDirectory(path) || path.getParent() == null ? path : path.getParent();
            ModelLibrary model = models.get(i);
            arguments.add(new MlcCommands.Additional(Optional.of(folder.toString()),
                    model.name() + "-" + model.quantization().name(), model.geometry().modelType()));
        }
        return arguments;
    }

    static ModelLibrary read(Path path, PlannerTarget target) {
        ModelDescription description;
        ByteFigure params = null;
        if (Files.isDirectory(path)) {
            Artifact.ModelFolder folder = ModelFolders.read(path);
            description = folder.description();
            params = folder.params().orElse(null);
        } else if (Files.isRegularFile(path)) {
            description = ChatConfigReader.read(path);
        } else {
            throw new IllegalArgumentException(path + ": does not exist (--additional-model takes an "
                    + "mlc-chat-config.json or an MLC model folder)");
        }
        ModelDescription d = description;
        var scheme = d.quantization().orElseThrow(() -> new IllegalArgumentException(d.source()
                + ": quantization is missing (an additional model's mlc-chat-config.json must name its scheme)"));
        try {
            return ModelLibrary.build(d, scheme, d.compile(), params, null, target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(d.source() + ": " + e.getMessage(), e);
        }
    }
}
