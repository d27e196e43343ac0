package dev.kvlens.app.cli;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.ByteFigure;
import dev.kvlens.model.CompileReport;
import dev.kvlens.model.LayoutEra;
import dev.kvlens.model.ModelLibrary;
import dev.kvlens.model.ParameterBytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code kvlens compile-report}: the memory lines {@code mlc_llm compile} prints, in a chosen era. */
@Command(name = "compile-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the memory report mlc_llm compile prints for a model library. The KV cache is "
                + "0 MB (or only a per-token figure) there because MLC sizes it at run time.")
final class CompileReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptionsMixin model;

    @Option(names = "--era", paramLabel = "E", defaultValue = "2025",
            description = "2025, 2024-05, 2024-03 or 2024-01 (default ${DEFAULT-VALUE}).")
    String era;

    @Option(names = "--built-on", paramLabel = "YYYY-MM-DD",
            description = "Date of the mlc-llm commit the library was built with: computed parameters follow that "
                    + "era's model files (separate lm_head, MoE gates; rules §1.3), and the 2024-01/2024-03 "
                    + "KVCache field is the legacy KV the model file still declared then. Default: the era's own.")
    String builtOn;

    @Override
    public Integer call() {
        CompileReport.Era reportEra = CompileReport.Era.require(era);
        ModelLibrary library = model.options.library(PresetCatalog.load());
        PrintWriter out = spec.commandLine().getOut();
        EstimateCommand.notes(library, spec.commandLine().getErr());
        if (builtOn == null) {
            CompileReport.of(library, reportEra).lines().forEach(out::println);
            return 0;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(builtOn.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--built-on: '" + builtOn + "' is not a date (expected YYYY-MM-DD)");
        }
        if (library.paramsBytes().provenance() == ByteFigure.Provenance.COMPUTED) {
            long bytes = ParameterBytes.of(library.geometry(), library.quantization(),
                    library.compile().tensorParallelShards(), LayoutEra.builtOn(date));
            library = library.withParamsBytes(new ByteFigure(bytes, ByteFigure.Provenance.COMPUTED,
                    "parameter layout of " + date));
        }
        CompileReport.of(library, reportEra, date).lines().forEach(out::println);
        return 0;
    }
}
