package dev.kvlens.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.io.Json;
import dev.kvlens.io.LocalModels;
import dev.kvlens.model.mlc.InstalledModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kvlens models}: what is installed on this machine, in MLC's and Hugging Face's caches. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the MLC weights folders, JIT-compiled model libraries and Hugging Face models installed here",
                "(MLC_LLM_HOME, HF_HOME, HF_HUB_CACHE and XDG_CACHE_HOME are honoured; nothing is downloaded)."})
public final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new IllegalArgumentException("unknown --format '" + format + "' (expected text or json)");
        }
        List<InstalledModel> entries = LocalModels.find();
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("json")) {
            ArrayNode list = Json.mapper().createArrayNode();
            for (InstalledModel e : entries) {
                ObjectNode node = list.addObject();
                node.put("name", e.name());
                node.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
                node.put("path", e.path());
                e.weights().ifPresentOrElse(w -> node.put("weights", w), () -> node.putNull("weights"));
            }
            out.println(Json.mapper().writeValueAsString(list));
        } else if (entries.isEmpty()) {
            List<java.nio.file.Path> caches = LocalModels.caches();
            out.println("No MLC or Hugging Face models found in " + caches.get(0) + " or " + caches.get(1) + ".");
        } else {
            for (InstalledModel e : entries) {
                out.println(label(e.kind()) + "  " + e.name() + "  " + e.path()
                        + e.weights().map(w -> "  (compiled for " + java.nio.file.Path.of(w).getFileName() + ")").orElse(""));
            }
        }
        out.flush();
        return 0;
    }

    private static String label(InstalledModel.Kind kind) {
        return switch (kind) {
            case MLC_WEIGHTS -> "MLC weights ";
            case MLC_LIBRARY -> "MLC library ";
            case HF_MODEL -> "Hugging Face";
        };
    }
}
