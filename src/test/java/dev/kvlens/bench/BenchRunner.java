package dev.kvlens.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code mvn -B -Pbench verify}: every performance figure of the app, one line each, in the form
 * {@code BENCH <name> <value> <unit> target <=|>= <target> PASS|FAIL}. Exits 1 if a target is missed, so the build
 * fails with it.
 */
public final class BenchRunner {

    private final List<String> lines = new ArrayList<>();
    private boolean allPass = true;

    public static void main(String[] args) throws Exception {
        BenchRunner runner = new BenchRunner();
        boolean uiOnly = args.length > 0 && args[0].equals("ui"); // profiling: java ... BenchRunner ui
        if (!uiOnly) {
            runner.estimator();
            LibraryReadBenchmark.Results lib = LibraryReadBenchmark.run();
            runner.atMost("library-read-100mb", lib.medianMillis(), "ms", 1000);
            runner.atMost("library-read-100mb-heap", lib.peakHeapMegabytes(), "MB", 64);
            runner.atMost("log-parse-16mib-blank", LogParseBenchmark.medianMillis(), "ms", 1000);
        }
        InteractionBenchmark.Results ui = InteractionBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 2_000);
        runner.atMost("interaction-batch-p50", ui.batch().p50Millis(), "ms", 3);
        runner.atMost("interaction-batch-p99", ui.batch().p99Millis(), "ms", 8);
        runner.atMost("interaction-context-p50", ui.context().p50Millis(), "ms", 3);
        runner.atMost("interaction-context-p99", ui.context().p99Millis(), "ms", 8);
        // the same slider after 100 PNG exports: unchanged when exported cards are released
        runner.atMost("interaction-batch-p50-after-100-exports", ui.batchAfterExports().p50Millis(), "ms", 3);
        runner.atMost("interaction-batch-p99-after-100-exports", ui.batchAfterExports().p99Millis(), "ms", 8);
        runner.atMost("png-export-2x", ui.exportMillis(), "ms", 150);
        runner.atMost("rss-after-drag", ui.residentMegabytes(), "MB", 200);
        if (!uiOnly) {
            runner.atMost("cold-start-first-frame", ColdStart.medianMillis(5), "ms", 1000);
        }
        System.out.println();
        System.out.println("KV Lens benchmarks (" + machine() + "):");
        runner.lines.forEach(System.out::println);
        System.out.flush();
        System.exit(runner.allPass ? 0 : 1);
    }

    private void estimator() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(EstimatorBenchmark.class.getName())
                .include(PlannerBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .build()).run();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            if (method.endsWith(".estimate")) {
                atLeast("estimator-three-mode", score, "ops/s", 2_000_000);
            } else if (method.endsWith(".capacityMap64")) {
                atMost("capacity-map-64x64", score, "ms", 5);
            } else if (method.endsWith(".planLlama3")) {
                atMost("planner-llama3-8b-s8192", score, "us", 20);
            }
        }
    }

    private void atMost(String name, double value, String unit, double target) {
        record(name, value, unit, "<=", target, value <= target);
    }

    private void atLeast(String name, double value, String unit, double target) {
        record(name, value, unit, ">=", target, value >= target);
    }

    private void record(String name, double value, String unit, String relation, double target, boolean pass) {
        allPass &= pass;
        String line = String.format(Locale.ROOT, "BENCH %s %s %s target %s %s %s", name, number(value), unit,
                relation, number(target), pass ? "PASS" : "FAIL");
        lines.add(line);
        System.out.println(line);
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.3f", value);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's view below still says enough
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s %s, JDK %s, %s", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"),
                "prism " + System.getProperty("prism.order", "default") + ", glass "
                        + System.getProperty("glass.platform", "default"));
    }
}
