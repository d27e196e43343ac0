package dev.kvlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 12: files KV Lens writes get the user's umask, like files any other program creates. */
class AtomicFilesUmaskTest {

    @Test
    void aNewFileGetsThePermissionsOfAnyNewFile(@TempDir Path dir) throws IOException {
        Path control = dir.resolve("control.txt");
        Files.writeString(control, "created the ordinary way");
        Path saved = dir.resolve("breakdown.csv");

        AtomicFiles.writeText(saved, "mode,total\n");

        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(Files.getPosixFilePermissions(control));
        assertThat(Files.readString(saved)).isEqualTo("mode,total\n");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("control.txt", "breakdown.csv");
        }
    }
}
