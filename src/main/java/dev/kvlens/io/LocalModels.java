package dev.kvlens.io;

import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.mlc.InstalledModel;
import dev.kvlens.model.mlc.LibraryMetadata;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is installed on this machine, found where MLC-LLM and Hugging Face keep it (read in mlc-llm's
 * {@code support/constants.py}, {@code support/download_cache.py} and {@code interface/jit.py}):
 * <ul>
 *   <li>MLC's cache: {@code $MLC_LLM_HOME}, else {@code %LOCALAPPDATA%\mlc_llm} on Windows, else
 *       {@code $XDG_CACHE_HOME/mlc_llm}, else {@code ~/.cache/mlc_llm}; weights under {@code model_weights/hf/<org>/<repo>},
 *       JIT-compiled libraries as {@code model_lib/<md5>.<so|dylib|dll|tar>};</li>
 *   <li>the Hugging Face hub cache: {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else
 *       {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub};
 *       {@code models--<org>--<repo>/snapshots/<revision>} with a config.json.</li>
 * </ul>
 * Reading only, nothing from the network; every folder level is bounded and links to folders are not followed.
 */
public final class LocalModels {

    /** Entries looked at per folder level. */
    static final int MAX_PER_FOLDER = 2_000;

    private LocalModels() {
    }

    /** MLC's cache folder for an environment. */
    public static Path mlcHome(Map<String, String> env, Path userHome, boolean windows) {
        if (env.containsKey("MLC_LLM_HOME")) {
            return Path.of(env.get("MLC_LLM_HOME"));
        }
        if (windows && env.containsKey("LOCALAPPDATA")) {
            return Path.of(env.get("LOCALAPPDATA"), "mlc_llm");
        }
        return cacheHome(env, userHome).resolve("mlc_llm");
    }

    /** The Hugging Face hub cache for an environment. */
    public static Path hfHub(Map<String, String> env, Path userHome) {
        if (env.containsKey("HF_HUB_CACHE")) {
            return Path.of(env.get("HF_HUB_CACHE"));
        }
        if (env.containsKey("HF_HOME")) {
            return Path.of(env.get("HF_HOME"), "hub");
        }
        return cacheHome(env, userHome).resolve("huggingface").resolve("hub");
    }

    private static Path cacheHome(Map<String, String> env, Path userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache");
    }

    /** The two caches searched, for this process's environment (for "nothing found in …"). */
    public static List<Path> caches() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path home = Path.of(System.getProperty("user.home"));
        return List.of(mlcHome(System.getenv(), home, windows), hfHub(System.getenv(), home));
    }

    /** Everything installed, for this process's environment. */
    public static List<InstalledModel> find() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return find(System.getenv(), Path.of(System.getProperty("user.home")), windows);
    }

    /** Everything installed, for a given environment (tests build a fake tree). */
    public static List<InstalledModel> find(Map<String, String> env, Path userHome, boolean windows) {
        List<InstalledModel> found = new ArrayList<>();
        Path mlc = mlcHome(env, userHome, windows);
        List<InstalledModel> weights = new ArrayList<>();
        for (Path org : folders(mlc.resolve("model_weights").resolve("hf"))) {
            for (Path repo : folders(org)) {
                if (Files.isRegularFile(repo.resolve(ChatConfigSymbols.CHAT_CONFIG))) {
                    weights.add(new InstalledModel(org.getFileName() + "/" + repo.getFileName(), InstalledModel.Kind.MLC_WEIGHTS, repo.toString(),
                            Optional.empty()));
                }
            }
        }
        found.addAll(weights);
        for (Path lib : files(mlc.resolve("model_lib"))) {
            String name = lib.getFileName().toString();
            if (name.matches(".*\\.(so|dylib|dll|tar|wasm)$")) {
                found.add(library(lib, weights));
            }
        }
        for (Path repo : folders(hfHub(env, userHome))) {
            String dir = repo.getFileName().toString();
            if (!dir.startsWith("models--")) {
                continue;
            }
            for (Path snapshot : folders(repo.resolve("snapshots"))) {
                boolean mlcWeights = Files.isRegularFile(snapshot.resolve(ChatConfigSymbols.CHAT_CONFIG));
                if (mlcWeights || Files.isRegularFile(snapshot.resolve("config.json"))) {
                    found.add(new InstalledModel(ModelNames.of(snapshot), mlcWeights ? InstalledModel.Kind.MLC_WEIGHTS : InstalledModel.Kind.HF_MODEL,
                            snapshot.toString(), Optional.empty()));
                }
            }
        }
        return found;
    }

    /** A JIT library, named by its metadata and matched to the weights folder whose chat config it was built from. */
    private static InstalledModel library(Path lib, List<InstalledModel> weights) {
        try {
            Artifact.Metadata read = LibraryFiles.read(lib, Map.of());
            LibraryMetadata m = read.metadata();
            String name = m.modelType().orElse("?") + " " + m.quantization().orElse("?")
                    + read.library().flatMap(o -> o.target()).map(t -> " " + t).orElse("");
            Optional<String> match = weights.stream().filter(w -> compiledFrom(m, Path.of(w.path()))).map(InstalledModel::path)
                    .findFirst();
            return new InstalledModel(name + " (" + lib.getFileName() + ")", InstalledModel.Kind.MLC_LIBRARY, lib.toString(), match);
        } catch (RuntimeException e) {
            return new InstalledModel(lib.getFileName().toString(), InstalledModel.Kind.MLC_LIBRARY, lib.toString(), Optional.empty());
        }
    }

    /**
     * Whether a library was compiled from a weights folder: the same model type and scheme, and the same parameter
     * bytes as the folder's tensor cache (JIT compiles the folder's model config; rules §3.1).
     */
    private static boolean compiledFrom(LibraryMetadata m, Path folder) {
        try {
            Artifact.ModelFolder read = ModelFolders.read(folder);
            boolean sameType = m.modelType().map(t -> t.equals(read.description().geometry().modelType())).orElse(false);
            boolean sameScheme = m.quantization().equals(read.description().quantization().map(q -> q.name()));
            // a library with a symbolic vocab has no byte total of its own: type and scheme must do
            boolean sameBytes = m.paramsBytes().isEmpty() || (read.params().isPresent()
                    && m.paramsBytes().getAsLong() == read.params().get().bytes());
            return sameType && sameScheme && sameBytes;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Path> folders(Path dir) {
        return list(dir, p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> files(Path dir) {
        return list(dir, Files::isRegularFile);
    }

    private static List<Path> list(Path dir, DirectoryStream.Filter<Path> filter) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, filter)) {
            for (Path p : stream) {
                out.add(p);
                if (out.size() >= MAX_PER_FOLDER) {
                    break;
                }
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }
}
