package dev.kvlens.app.cli;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.mlc.CompileReport;
import dev.kvlens.model.library.ModelLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.LocalDate;
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

    @Override
    public Integer call() {
        CompileReport.Era reportEra = CompileReport.Era.require(era);
        ModelLibrary library = model.options().library(PresetCatalog.load());
        PrintWriter out = spec.commandLine().getOut();
        EstimateCommand.notes(library, spec.commandLine().getErr());
        java.util.Optional<LocalDate> date = model.options().builtOn();
        (date.isPresent() ? CompileReport.of(library, reportEra, date.get()) : CompileReport.of(library, reportEra))
                .lines().forEach(out::println);
        return 0;
    }
}
