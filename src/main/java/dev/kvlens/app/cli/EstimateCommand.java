package dev.kvlens.app.cli;

import dev.kvlens.io.ArtifactReader;
import dev.kvlens.io.EstimateCsv;
import dev.kvlens.io.EstimateJson;
import dev.kvlens.io.Json;
import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.scenario.AdditionalModel;
import dev.kvlens.model.scenario.Artifact;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.Device;
import dev.kvlens.model.explore.DeviceMemorySolver;
import dev.kvlens.model.EngineMode;
import dev.kvlens.model.engine.Estimate;
import dev.kvlens.model.engine.Estimator;
import dev.kvlens.model.mlc.LogComparison;
import dev.kvlens.model.Mib;
import dev.kvlens.model.scenario.MlcCommands;
import dev.kvlens.model.mlc.MlcLogFormatter;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.explore.ModeVerdict;
import dev.kvlens.text.Phrases;
import dev.kvlens.model.mlc.PrintedLog;
import dev.kvlens.model.RuleSet;
import dev.kvlens.model.mlc.RuleSetEras;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.scenario.ScenarioDocument;
import dev.kvlens.model.scenario.ScenarioSpec;
import dev.kvlens.model.explore.SchemeFit;
import dev.kvlens.model.planner.PlannerTarget;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kvlens estimate}: MLC's runtime estimate for a model on a device, as MLC's log, JSON or CSV. */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints what MLC-LLM's engine decides for a scenario (max batch size, KV cache token "
                + "capacity, prefill chunk, estimated GPU memory in each mode), as MLC's log lines, JSON or CSV.",
                "Exit codes: 0 ok, 2 bad input, 3 MLC would stop with its insufficient-memory error."})
final class EstimateCommand implements Callable<Integer> {

    enum Format { LOG, JSON, CSV }

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Option(names = "--runtime-log", paramLabel = "FILE",
            description = "What mlc_llm serve/chat printed: compare it line by line with KV Lens (and, without a "
                    + "device option, solve the device memory from it).")
    Path runtimeLog;

    @Option(names = "--additional-model", paramLabel = "FILE|DIR",
            description = "A model MLC runs next to the main one (speculative decoding: a draft model, Eagle or Medusa): "
                    + "an mlc-chat-config.json or an MLC model folder. Repeatable; its parameters, temporary buffer and "
                    + "workspaces join MLC's per-model sums (rules §3.8).")
    List<Path> additionalModels = new ArrayList<>();

    @Option(names = "--emit-command", description = "Print the mlc_llm commands for this scenario instead.")
    boolean emitCommand;

    @Option(names = "--all-quantizations",
            description = "Instead: every quantization MLC accepts for the model on this device (parameters, KV "
                    + "capacity per mode, verdict of --mode), as a table, JSON or CSV.")
    boolean allQuantizations;

    @Option(names = "--format", paramLabel = "F", defaultValue = "log", description = "log, json or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ScenarioFileOptions files;

    @Override
    public Integer call() {
        Format output = parseFormat(format);
        PresetCatalog catalog = PresetCatalog.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<PrintedLog> printed = runtimeLog == null ? Optional.empty() : Optional.of(readRuntimeLog(runtimeLog));
        List<AdditionalModel> extra = AdditionalModels.models(additionalModels);
        ScenarioDocument document;
        Scenario scenario;
        List<String> selectionNotes = List.of();
        if (files.fromFile()) {
            document = files.read(spec.commandLine().getParseResult(), extra);
            scenario = document.toScenario();
        } else {
            // --all-quantizations lists every scheme: none needs naming (q4f16_1 only stands in for the description)
            ModelOptions.Selection selection = allQuantizations
                    ? options.selection(catalog, dev.kvlens.model.architecture.Quantization.require("q4f16_1"))
                    : options.selection(catalog);
            RuleSet rules = rules(printed);
            selectionNotes = new ArrayList<>(selection.notes());
            if (!options.engine.rulesGiven() && rules != RuleSet.D2025) {
                selectionNotes.add("rules " + rules.id() + " (the log's lines are " + rules.label()
                        + "); pass --rules to choose others");
            }
            Device device;
            List<ModelLibrary> additional;
            if (options.hasDevice()) {
                device = options.device(catalog, err);
                additional = AdditionalModels.libraries(extra, selection.target().orElse(device.backend().plannerTarget()));
            } else {
                // The solved device is a CUDA one (solveDevice).
                additional = AdditionalModels.libraries(extra, selection.target().orElse(PlannerTarget.CUDA));
                device = solveDevice(selection, additional, printed, rules, err);
            }
            ScenarioSpec scenarioSpec = new ScenarioSpec(selection.description(), selection.scheme(),
                    Optional.ofNullable(selection.params()), Optional.ofNullable(selection.temp()), device,
                    options.engine.engine(), rules);
            scenario = scenarioSpec.toScenario(selection.target()
                    .orElse(device.backend().plannerTarget())).withAdditionalModels(additional);
            document = new ScenarioDocument(scenarioSpec, selection.defaults(), Optional.empty(), extra);
        }
        if (allQuantizations) {
            if (document.spec().paramsBytes().isPresent() || document.spec().tempFuncBytes().isPresent()) {
                err.println("note: --all-quantizations computes each scheme's parameters and temporary buffer; the "
                        + "figures given or imported belong to one scheme and are not used");
            }
            return printSchemes(output, document.spec(), scenario, out);
        }
        files.saveIfAsked(document);
        Estimate estimate = Estimator.estimate(scenario);

        if (emitCommand) {
            out.println(MlcCommands.of(document.spec(), document.modelDefaults(), document.modelLocation(),
                    document.additionalModels().stream().map(AdditionalModel::serveArgument).toList()).script());
            notes(scenario.model(), err);
            return 0;
        }
        List<LogComparison.Row> rows = printed.flatMap(PrintedLog::runtime)
                .map(r -> LogComparison.compare(r, estimate)).orElse(List.of());
        switch (output) {
            case JSON -> out.println(json(estimate, rows, sources(document, additionalModels)));
            case CSV -> {
                out.print(EstimateCsv.write(estimate));
                out.flush();
            }
            case LOG -> {
                selectionNotes.forEach(n -> err.println("note: " + n));
                scenario.models().forEach(m -> notes(m, err));
                if (printed.isPresent()) {
                    printComparison(rows, out);
                } else {
                    MlcLogFormatter.logLines(estimate).forEach(out::println);
                    // KV Lens's verdict after MLC's lines, so those stay a byte-identical prefix (issue 12)
                    ModeVerdict.of(estimate).forEach(v -> out.println("verdict " + Phrases.format(Locale.ENGLISH, v.phrase())));
                    out.flush();
                    MlcLogFormatter.failureMessage(estimate).ifPresent(err::println);
                }
            }
        }
        return estimate.succeeds() ? 0 : KvLensCommand.EXIT_INSUFFICIENT_MEMORY;
    }

    private static int printSchemes(Format output, ScenarioSpec spec, Scenario scenario, PrintWriter out) {
        if (!scenario.additionalModels().isEmpty()) {
            throw new IllegalArgumentException("--all-quantizations takes the main model only (no --additional-model)");
        }
        List<SchemeFit> rows = SchemeFit.all(spec.model(), spec.device(), spec.engine(), spec.rules(),
                scenario.model().target());
        switch (output) {
            case JSON -> out.println(SchemeTable.json(rows));
            case CSV -> out.print(SchemeTable.csv(rows));
            case LOG -> out.print(SchemeTable.text(rows, "Every quantization MLC accepts for " + scenario.model().name()
                    + " on " + spec.device().name() + " (" + spec.rules().id() + " rules):", spec.engine().mode()));
        }
        out.flush();
        return 0;
    }

    private static PrintedLog readRuntimeLog(Path file) {
        Artifact artifact = ArtifactReader.read(file, Map.of());
        if (!(artifact instanceof Artifact.Log log) || log.log().runtime().isEmpty()) {
            throw new IllegalArgumentException(file + ": has no mlc_llm serve/chat engine lines");
        }
        return log.log();
    }

    /** --rules, else the rule set the runtime log's lines belong to (rules §6), else d2025. */
    private RuleSet rules(Optional<PrintedLog> printed) {
        if (options.engine.rulesGiven() || printed.isEmpty()) {
            return options.engine.ruleSet();
        }
        return RuleSetEras.ofLog(printed.get()).orElse(RuleSet.D2025);
    }

    private Device solveDevice(ModelOptions.Selection selection, List<ModelLibrary> additional, Optional<PrintedLog> printed,
                               RuleSet rules, PrintWriter err) {
        long capacity = printed.flatMap(p -> p.serverCapacity().isPresent()
                ? Optional.of(p.serverCapacity().getAsLong()) : Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException(
                        "no device given: use --gpu, --gpu-memory-bytes or --gpu-memory-mib"
                                + (printed.isPresent() ? " (the runtime log has no server capacity to solve it from)" : "")));
        Scenario probe = new Scenario(selection.library(), additional,
                new Device("solved", dev.kvlens.model.Backend.CUDA, 1L << 34), options.engine.engine(), rules);
        DeviceMemorySolver.Range range = DeviceMemorySolver.deviceRangeForCapacity(probe, EngineMode.SERVER, capacity)
                .orElseThrow(() -> new IllegalArgumentException("no device size gives the log's server capacity of "
                        + capacity + " tokens with these inputs"));
        err.println("note: device memory consistent with the log's server capacity " + capacity + ": "
                + Mib.format(range.minBytes(), 3) + " to " + Mib.format(range.maxBytes(), 3) + " MiB; using the smallest");
        return new Device("solved from " + runtimeLog.getFileName(), dev.kvlens.model.Backend.CUDA, range.minBytes());
    }

    private static void printComparison(List<LogComparison.Row> rows, PrintWriter out) {
        String format = "%-38s %14s %14s %10s%n";
        out.printf(Locale.ROOT, format, "quantity", "MLC printed", "KV Lens", "diff");
        for (LogComparison.Row row : rows) {
            out.printf(Locale.ROOT, format, row.quantity(), row.printed(), row.ours(), row.difference());
        }
        out.println(LogComparison.allMatch(rows) ? "all " + rows.size() + " quantities match"
                : rows.stream().filter(r -> !r.matches()).count() + " of " + rows.size() + " quantities differ");
    }

    /** Where each additional model came from: the scenario file's own (their folders), then the paths given. */
    private static List<String> sources(ScenarioDocument document, List<Path> given) {
        List<String> sources = new ArrayList<>();
        List<AdditionalModel> all = document.additionalModels();
        all.subList(0, all.size() - given.size())
                .forEach(m -> sources.add(m.location().orElse(m.description().source())));
        given.forEach(p -> sources.add(p.toString()));
        return sources;
    }

    private static String json(Estimate estimate, List<LogComparison.Row> rows, List<String> additionalSources) {
        ObjectNode tree = EstimateJson.toTree(estimate);
        AdditionalModelsJson.add(tree, estimate, additionalSources);
        if (!rows.isEmpty()) {
            ArrayNode comparison = tree.putArray("comparison");
            for (LogComparison.Row row : rows) {
                ObjectNode r = comparison.addObject();
                r.put("quantity", row.quantity());
                r.put("printed", row.printed());
                r.put("ours", row.ours());
                r.put("difference", row.difference());
                r.put("matches", row.matches());
            }
        }
        try {
            return Json.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void notes(ModelLibrary library, PrintWriter err) {
        if (library.tempFuncBytes().provenance() == ByteFigure.Provenance.HEURISTIC) {
            err.println("note: temporary buffer is approximate (" + library.tempFuncBytes().detail()
                    + "); pass --temp-mib or --compile-log for MLC's exact numbers");
        }
    }

    private static Format parseFormat(String text) {
        try {
            return Format.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --format '" + text + "' (expected log, json or csv)");
        }
    }
}
