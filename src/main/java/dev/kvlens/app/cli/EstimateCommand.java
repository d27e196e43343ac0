package dev.kvlens.app.cli;

import dev.kvlens.io.EstimateJson;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Estimate;
import dev.kvlens.model.Estimator;
import dev.kvlens.model.MlcLogFormatter;
import dev.kvlens.model.ModelLibrary;
import dev.kvlens.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kvlens estimate}: MLC's runtime estimate for a model on a device, as MLC's log or as JSON. */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints what MLC-LLM's engine decides for a scenario (max batch size, KV cache token "
                + "capacity, prefill chunk, estimated GPU memory in each mode), as MLC's log lines or as JSON.",
                "Exit codes: 0 ok, 2 bad input, 3 MLC would stop with its insufficient-memory error."})
final class EstimateCommand implements Callable<Integer> {

    enum Format { LOG, JSON }

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--format", paramLabel = "F", defaultValue = "log", description = "log or json (default ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        Format output = parseFormat(format);
        PresetCatalog catalog = PresetCatalog.load();
        Scenario scenario = options.scenario(catalog);
        ModelLibrary library = scenario.model();
        Estimate estimate = Estimator.estimate(scenario);

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output == Format.JSON) {
            out.println(EstimateJson.write(estimate));
            return estimate.succeeds() ? 0 : KvLensCommand.EXIT_INSUFFICIENT_MEMORY;
        }
        notes(library, err);
        MlcLogFormatter.logLines(estimate).forEach(out::println);
        out.flush();
        return MlcLogFormatter.failureMessage(estimate).map(message -> {
            err.println(message);
            return KvLensCommand.EXIT_INSUFFICIENT_MEMORY;
        }).orElse(0);
    }

    static void notes(ModelLibrary library, PrintWriter err) {
        if (library.tempFuncBytes().provenance() == ByteFigure.Provenance.HEURISTIC) {
            err.println("note: temporary buffer is approximate (" + library.tempFuncBytes().detail()
                    + "); pass --temp-mib with the compile log's \"Temporary buffer\" for MLC's exact numbers");
        }
    }

    private static Format parseFormat(String text) {
        try {
            return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --format '" + text + "' (expected log or json)");
        }
    }
}
