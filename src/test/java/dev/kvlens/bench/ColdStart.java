package dev.kvlens.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: launches the app in a fresh JVM with {@code --startup-report} (the app times itself from JVM start to
 * its first rendered frame) and takes the median of several launches, each with an empty settings directory, with
 * the class-data archive the installed app has (made by one training launch first, as packaging does).
 */
final class ColdStart {

    private static final String PREFIX = "startup-report first-frame-ms=";
    private static final Path SHADED_JAR = Path.of("target", "kvlens.jar").toAbsolutePath();

    private ColdStart() {
    }

    static double medianMillis(int launches) throws IOException, InterruptedException {
        // as installed: packaging/jpackage.sh (and the .deb's postinst) record a class-data archive in one training
        // start, and the launcher maps it (-XX:SharedArchiveFile) on every start after that
        if (!Files.isRegularFile(SHADED_JAR)) {
            throw new IllegalStateException("no " + SHADED_JAR + ": run mvn -B -Pbench verify (it packages first)");
        }
        Path archive = Path.of("target", "bench-cds", "kvlens.jsa").toAbsolutePath();
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        launchOnce(List.of("-XX:ArchiveClassesAtExit=" + archive));
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training start wrote no class-data archive: " + archive);
        }
        List<String> asInstalled = List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        double[] millis = new double[launches];
        for (int i = 0; i < launches; i++) {
            millis[i] = launchOnce(asInstalled);
            System.out.println("cold start " + (i + 1) + ": " + millis[i] + " ms");
        }
        Arrays.sort(millis);
        return millis[launches / 2];
    }

    private static double launchOnce(List<String> classData) throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("kvlens-coldstart");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:") || a.startsWith("-Xm")) // the app's JVM options, as installed
                .forEach(command::add);
        command.addAll(classData);
        command.add("-cp");
        command.add(SHADED_JAR.toString()); // the installed app's one jar (mvn package builds it before verify)
        for (String property : new String[] {"glass.platform", "monocle.platform", "prism.order", "headless.geometry"}) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-Dkvlens.config.dir=" + config);
        command.add("dev.kvlens.app.Launcher");
        command.add("--startup-report");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(PREFIX)) {
                    report = line.substring(PREFIX.length());
                }
            }
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        if (report == null) {
            throw new IllegalStateException("the app printed no startup report: " + String.join(" ", command));
        }
        return Double.parseDouble(report);
    }
}
