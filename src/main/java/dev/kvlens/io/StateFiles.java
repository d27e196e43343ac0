package dev.kvlens.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvlens.text.Phrase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UserState}'s files: a JSON object read, or moved aside to {@code name.corrupt-<time>} and reported once when
 * it cannot be read; written atomically.
 */
final class StateFiles {

    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private StateFiles() {
    }

    static Optional<JsonNode> read(Path file, Set<Phrase> problems) {
        String name = file.getFileName().toString();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.readFile(file);
            if (!root.isObject()) {
                throw new InputException(name, "", Phrase.of("io.state.notObject"));
            }
            return Optional.of(root);
        } catch (InputException e) {
            moveAside(file, e.phrase(), problems);
            return Optional.empty();
        }
    }

    /** Moves a file that cannot be read to {@code name.corrupt-<time>} and reports it once. */
    static void moveAside(Path file, Phrase why, Set<Phrase> problems) {
        String aside = file.getFileName() + ".corrupt-" + LocalDateTime.now().format(ASIDE_TIME);
        try {
            Path target = file.resolveSibling(aside);
            for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
                target = file.resolveSibling(aside + "-" + n);
            }
            Files.move(file, target);
            problems.add(Phrase.of("io.state.movedAside", file.getFileName().toString(), target.getFileName().toString(), why));
        } catch (IOException | RuntimeException e) {
            problems.add(Phrase.of("io.state.ignored", file.getFileName().toString(), why));
        }
    }

    static void write(Path dir, String name, ObjectNode root) throws IOException {
        Files.createDirectories(dir);
        String json = Json.mapper().writeValueAsString(root);
        AtomicFiles.write(dir.resolve(name), ".json", temp -> Files.writeString(temp, json + "\n", StandardCharsets.UTF_8));
    }
}
