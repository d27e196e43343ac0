package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.library.ModelDescription;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.text.Phrase;
import dev.kvlens.text.Phrases;
import dev.kvlens.text.UserText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the app remembers between runs, as small JSON files in the user's config folder: the last scenario,
 * recent files, imported models, the window's bounds. Start-up never fails because of them: a file that cannot
 * be read is moved aside to {@code name.corrupt-<time>} and reported once, and the defaults are used; a last
 * scenario saved by a newer KV Lens is read as far as this version can and never overwritten; an imported model
 * this version cannot read is kept in {@code models.json}; unusable recent entries are skipped.
 */
public final class UserState {

    private static final int MAX_RECENT = 8;
    private static final String LAST_SCENARIO = "last-scenario.kvlens.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where the window was. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {

        /**
         * These bounds if at least a grip of the title bar (120 × 24 px) is on one of the screens, else the same
         * size (shrunk to fit) centred on the first (primary) screen: a window saved on a monitor that is gone
         * comes back where it can be seen.
         */
        public WindowBounds within(List<Area> screens) {
            if (screens.isEmpty()) {
                return this;
            }
            for (Area a : screens) {
                double overlapX = Math.min(x + width, a.x() + a.width()) - Math.max(x, a.x());
                double overlapY = Math.min(y + 32, a.y() + a.height()) - Math.max(y, a.y());
                if (overlapX >= 120 && overlapY >= 24) {
                    return this;
                }
            }
            Area primary = screens.get(0);
            double w = Math.min(width, primary.width());
            double h = Math.min(height, primary.height());
            return new WindowBounds(primary.x() + (primary.width() - w) / 2, primary.y() + (primary.height() - h) / 2,
                    w, h, maximized);
        }
    }

    /** A screen's visible area. */
    public record Area(double x, double y, double width, double height) {
    }


    private final Path dir;
    private final Set<Phrase> problems = new LinkedHashSet<>();
    /** Set when the last scenario on disk is one this version must not overwrite (newer schema). */
    private boolean lastScenarioKept;
    /** models.json as read once: the readable models and the entries kept as they are. */
    private List<ModelDescription> models;
    private final List<JsonNode> keptModelEntries = new ArrayList<>();

    public UserState(Path dir) {
        this.dir = dir;
        AtomicFiles.removeStale(dir);
    }

    /**
     * The platform's config folder: {@code $XDG_CONFIG_HOME/kvlens} or {@code ~/.config/kvlens} on Linux,
     * {@code %APPDATA%\KV Lens} on Windows, {@code ~/Library/Application Support/KV Lens} on macOS. The system
     * property {@code kvlens.config.dir} overrides it (tests, portable installs).
     */
    public static UserState inDefaultLocation() {
        String override = System.getProperty("kvlens.config.dir");
        if (override != null && !override.isBlank()) {
            return new UserState(Path.of(override));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home", "."));
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return new UserState(Path.of(System.getenv("APPDATA"), "KV Lens"));
        }
        if (os.contains("mac")) {
            return new UserState(home.resolve("Library/Application Support/KV Lens"));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return new UserState((xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("kvlens"));
    }

    /** Problems met while reading state (to show once, not to stop the app). */
    public synchronized List<String> problems() {
        return problems.stream().map(p -> UserText.oneLine(Phrases.format(Locale.ENGLISH, p))).toList();
    }

    /** The same problems as phrases, for the window to word in the user's language. */
    public synchronized List<Phrase> problemPhrases() {
        return List.copyOf(problems);
    }

    /**
     * The last scenario, if there is one this version can restore. A damaged one is moved aside; one saved
     * with a newer schema is read as far as this version can and kept untouched.
     */
    public synchronized Optional<ScenarioDocument> lastScenario() {
        Path file = dir.resolve(LAST_SCENARIO);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = Json.readFile(file);
        } catch (InputException e) {
            StateFiles.moveAside(file, e.phrase(), problems);
            return Optional.empty();
        }
        int version = root.path("schemaVersion").asInt(0);
        if (version > ScenarioFiles.SCHEMA_VERSION) {
            lastScenarioKept = true;
            try {
                ScenarioDocument document = ScenarioFiles.parseState(LAST_SCENARIO, root);
                problems.add(Phrase.of("io.state.newerRestored", LAST_SCENARIO, String.valueOf(version)));
                return Optional.of(document);
            } catch (InputException | IllegalArgumentException | ArithmeticException e) {
                problems.add(Phrase.of("io.state.newerNotRestored", LAST_SCENARIO, String.valueOf(version)));
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ScenarioFiles.parseState(LAST_SCENARIO, root));
        } catch (InputException | IllegalArgumentException | ArithmeticException e) {
            StateFiles.moveAside(file, ReportedProblems.of(e), problems);
            return Optional.empty();
        }
    }

    /** The last scenario was read but could not be shown: it is moved aside (the app starts with defaults). */
    public synchronized void setAsideLastScenario(RuntimeException why) {
        Path file = dir.resolve(LAST_SCENARIO);
        if (!lastScenarioKept && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            StateFiles.moveAside(file, ReportedProblems.of(why), problems);
        }
    }

    /** Saves the session, unless the file on disk belongs to a newer KV Lens. */
    public synchronized void saveLastScenario(ScenarioDocument document, String savedWith) throws IOException {
        if (lastScenarioKept) {
            return;
        }
        Files.createDirectories(dir);
        ScenarioFiles.write(document, dir.resolve(LAST_SCENARIO), savedWith);
    }

    /** Recent files, newest first; entries that are not usable paths (empty, NUL, unmappable) are skipped. */
    public synchronized List<Path> recentFiles() {
        List<Path> recent = new ArrayList<>();
        read("recent.json").ifPresent(root -> root.path("files").forEach(f -> {
            if (f.isTextual() && recent.size() < MAX_RECENT) {
                path(f.asText()).ifPresent(recent::add);
            }
        }));
        return recent;
    }

    private static Optional<Path> path(String text) {
        if (text.isBlank() || text.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public synchronized void addRecent(Path file) throws IOException {
        List<Path> recent = new ArrayList<>(recentFiles());
        Path absolute = file.toAbsolutePath();
        recent.remove(absolute);
        recent.add(0, absolute);
        ObjectNode root = NODES.objectNode();
        ArrayNode files = root.putArray("files");
        recent.stream().limit(MAX_RECENT).forEach(p -> files.add(p.toString()));
        write("recent.json", root);
    }

    /** Imported models this version can read (models.json is read once; unreadable entries are kept aside in it). */
    public synchronized List<ModelDescription> importedModels() {
        if (models == null) {
            models = new ArrayList<>();
            read("models.json").ifPresent(root -> {
                int index = 0;
                for (JsonNode node : root.path("models")) {
                    try {
                        models.add(ScenarioFiles.readModel(new JsonFields("models.json", "models[" + index + "]", node)));
                    } catch (InputException | IllegalArgumentException | ArithmeticException e) {
                        keptModelEntries.add(node.deepCopy());
                        problems.add(Phrase.of("io.state.modelNotRestored", ReportedProblems.of(e)));
                    }
                    index++;
                }
            });
        }
        return List.copyOf(models);
    }

    public synchronized void rememberModel(ModelDescription model) throws IOException {
        importedModels();
        models.removeIf(m -> m.id().equals(model.id()) && m.name().equals(model.name()));
        models.add(model);
        while (models.size() > 32) {
            models.remove(0);
        }
        writeModels();
    }

    /** Forgets an imported model (the window's "remove"): the next start does not list it. */
    public synchronized void forgetModel(ModelDescription model) throws IOException {
        importedModels();
        if (models.removeIf(m -> m.equals(model))) {
            writeModels();
        }
    }

    private void writeModels() throws IOException {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("models");
        keptModelEntries.forEach(list::add);
        models.forEach(m -> ScenarioFiles.modelTree(list.addObject(), m));
        write("models.json", root);
    }

    /** Stored preferences (theme, language: empty strings when not set; the capacity map beside the chart). */
    public record Preferences(String theme, String language, boolean mapBesideChart) {
    }

    public synchronized Preferences preferences() {
        return read("preferences.json").map(root -> new Preferences(root.path("theme").asText(""),
                root.path("language").asText(""), root.path("mapBesideChart").asBoolean(false)))
                .orElse(new Preferences("", "", false));
    }

    public synchronized void savePreferences(Preferences preferences) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("theme", preferences.theme());
        root.put("language", preferences.language());
        root.put("mapBesideChart", preferences.mapBesideChart());
        write("preferences.json", root);
    }

    public synchronized Optional<WindowBounds> window() {
        return read("window.json").map(root -> new WindowBounds(root.path("x").asDouble(), root.path("y").asDouble(),
                root.path("width").asDouble(1360), root.path("height").asDouble(860), root.path("maximized").asBoolean()))
                .filter(b -> Double.isFinite(b.x()) && Double.isFinite(b.y()) && Math.abs(b.x()) < 1e6
                        && Math.abs(b.y()) < 1e6 && b.width() >= 400 && b.height() >= 300 && b.width() < 20000
                        && b.height() < 20000);
    }

    public synchronized void saveWindow(WindowBounds bounds) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("x", bounds.x());
        root.put("y", bounds.y());
        root.put("width", bounds.width());
        root.put("height", bounds.height());
        root.put("maximized", bounds.maximized());
        write("window.json", root);
    }

    private Optional<JsonNode> read(String name) {
        return StateFiles.read(dir.resolve(name), problems);
    }

    private synchronized void write(String name, ObjectNode root) throws IOException {
        StateFiles.write(dir, name, root);
    }
}
