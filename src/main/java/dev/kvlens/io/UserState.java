package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.model.ModelDescription;
import dev.kvlens.model.ScenarioDocument;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the app remembers between runs, as small JSON files in the user's config folder: the last scenario,
 * recent files, imported models, the window's bounds. A damaged file is ignored (and reported), never fatal.
 */
public final class UserState {

    private static final int MAX_RECENT = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where the window was. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path dir;
    private final List<String> problems = new ArrayList<>();

    public UserState(Path dir) {
        this.dir = dir;
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
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public Optional<ScenarioDocument> lastScenario() {
        Path file = dir.resolve("last-scenario.kvlens.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioFiles.read(file));
        } catch (InputException e) {
            problems.add("the last scenario was not restored: " + e.getMessage());
            return Optional.empty();
        }
    }

    public void saveLastScenario(ScenarioDocument document, String savedWith) throws IOException {
        Files.createDirectories(dir);
        ScenarioFiles.write(document, dir.resolve("last-scenario.kvlens.json"), savedWith);
    }

    public List<Path> recentFiles() {
        List<Path> recent = new ArrayList<>();
        read("recent.json").ifPresent(root -> root.path("files").forEach(f -> {
            if (f.isTextual() && recent.size() < MAX_RECENT) {
                recent.add(Path.of(f.asText()));
            }
        }));
        return recent;
    }

    public void addRecent(Path file) throws IOException {
        List<Path> recent = new ArrayList<>(recentFiles());
        Path absolute = file.toAbsolutePath();
        recent.remove(absolute);
        recent.add(0, absolute);
        ObjectNode root = NODES.objectNode();
        ArrayNode files = root.putArray("files");
        recent.stream().limit(MAX_RECENT).forEach(p -> files.add(p.toString()));
        write("recent.json", root);
    }

    public List<ModelDescription> importedModels() {
        List<ModelDescription> models = new ArrayList<>();
        read("models.json").ifPresent(root -> {
            int index = 0;
            for (JsonNode node : root.path("models")) {
                try {
                    models.add(ScenarioFiles.readModel(new JsonFields("models.json", "models[" + index + "]", node)));
                } catch (InputException | IllegalArgumentException e) {
                    problems.add("an imported model was not restored: " + e.getMessage());
                }
                index++;
            }
        });
        return models;
    }

    public void rememberModel(ModelDescription model) throws IOException {
        List<ModelDescription> models = new ArrayList<>(importedModels());
        models.removeIf(m -> m.id().equals(model.id()) && m.name().equals(model.name()));
        models.add(model);
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("models");
        models.stream().skip(Math.max(0, models.size() - 32)).forEach(m -> ScenarioFiles.modelTree(list.addObject(), m));
        write("models.json", root);
    }

    /** Stored preferences (theme, language: empty strings when not set; the capacity map beside the chart). */
    public record Preferences(String theme, String language, boolean mapBesideChart) {
    }

    public Preferences preferences() {
        return read("preferences.json").map(root -> new Preferences(root.path("theme").asText(""),
                root.path("language").asText(""), root.path("mapBesideChart").asBoolean(false)))
                .orElse(new Preferences("", "", false));
    }

    public void savePreferences(Preferences preferences) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("theme", preferences.theme());
        root.put("language", preferences.language());
        root.put("mapBesideChart", preferences.mapBesideChart());
        write("preferences.json", root);
    }

    public Optional<WindowBounds> window() {
        return read("window.json").map(root -> new WindowBounds(root.path("x").asDouble(), root.path("y").asDouble(),
                root.path("width").asDouble(1360), root.path("height").asDouble(860), root.path("maximized").asBoolean()))
                .filter(b -> b.width() >= 400 && b.height() >= 300 && b.width() < 20000 && b.height() < 20000);
    }

    public void saveWindow(WindowBounds bounds) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("x", bounds.x());
        root.put("y", bounds.y());
        root.put("width", bounds.width());
        root.put("height", bounds.height());
        root.put("maximized", bounds.maximized());
        write("window.json", root);
    }

    private Optional<JsonNode> read(String name) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.readFile(file));
        } catch (InputException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private void write(String name, ObjectNode root) throws IOException {
        Files.createDirectories(dir);
        String json = Json.mapper().writeValueAsString(root);
        AtomicFiles.write(dir.resolve(name), ".json", temp -> Files.writeString(temp, json + "\n", StandardCharsets.UTF_8));
    }
}
