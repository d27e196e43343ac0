package dev.kvlens.io;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a vendor tool ({@code nvidia-smi}, {@code rocm-smi}, {@code sysctl}) found on a given PATH, with a time
 * limit and a bounded output. Nothing here throws: a missing, failing, hanging or chatty tool is "no answer".
 * The environment is passed in, never read from or written to the JVM's own, so tests can put fake tools first.
 */
final class ToolRunner {

    /** Output beyond this is not read: the tools' answers we parse are a few lines. */
    static final int MAX_OUTPUT_BYTES = 64 * 1024;

    private final Map<String, String> environment;
    private final boolean windows;
    private final long deadlineNanos;

    /**
     * @param environment the child's whole environment; its {@code PATH} is where tools are looked up
     * @param windows     whether to look for {@code name.exe}
     * @param budgetNanos the time all runs of this runner may take together
     */
    ToolRunner(Map<String, String> environment, boolean windows, long budgetNanos) {
        this.environment = Map.copyOf(environment);
        this.windows = windows;
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    /** The tool's executable on the PATH, if there is one. */
    Optional<Path> find(String name) {
        String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
        String file = windows && !name.toLowerCase(Locale.ROOT).endsWith(".exe") ? name + ".exe" : name;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir).resolve(file);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (RuntimeException e) { // an unparsable PATH entry: skip it
                continue;
            }
        }
        return Optional.empty();
    }

    /** Runs the tool by name with the arguments; its stdout when it exits with 0 inside the time left. */
    Optional<String> run(String name, String... args) {
        return find(name).flatMap(exe -> run(exe, args));
    }

    private Optional<String> run(Path exe, String... args) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(List.of(args));
        Path out = null;
        Process process = null;
        try {
            out = Files.createTempFile("kvlens-tool", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(windows ? "NUL" : "/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
            if (!process.waitFor(left, TimeUnit.NANOSECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(readBounded(out));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) { // a temp file left behind is harmless
                }
            }
        }
    }

    private static String readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }
}
