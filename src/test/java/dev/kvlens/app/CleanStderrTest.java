package dev.kvlens.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: the fat jar's CLI starts JavaFX from the classpath, and its stderr stays clean of JavaFX's warning. */
class CleanStderrTest {

    @Test
    void exportPngPrintsNothingOnStderr(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart.png");
        // a plain JVM like `java -jar kvlens.jar`: no test logging configuration, JavaFX on the classpath
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kvlens.app.Launcher", "export-png",
                "--preset", "llama-3-8b", "--quantization", "q4f16_1", "--gpu", "rtx-4090", "--scale", "1",
                "--out", png.toString()).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getInputStream().readAllBytes();

        assertThat(p.waitFor()).isZero();
        assertThat(Files.size(png)).isPositive();
        assertThat(err).isEmpty();
    }
}
