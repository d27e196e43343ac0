package dev.kvlens.app.cli;

import dev.kvlens.io.PresetCatalog;
import dev.kvlens.model.Device;
import dev.kvlens.model.library.ModelLibrary;
import dev.kvlens.model.explore.ReverseSolver;
import dev.kvlens.model.engine.Scenario;
import dev.kvlens.model.explore.Workload;
import dev.kvlens.model.explore.WorkloadFit;
import dev.kvlens.text.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code kvlens solve}: the window's reverse-solve buttons on the command line, through the same model functions
 * ({@link ReverseSolver}), so both give the same answer for the same scenario.
 */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves for the longest context, the largest batch or the smallest preset device with which "
                + "MLC-LLM, in the chosen mode, starts and its KV cache holds the batch x context asked for "
                + "(--max-num-sequence, --max-single-sequence-length; left out = MLC's choice). Server mode fills what "
                + "is left up to batch x context; local and interactive cap the KV cache at one sequence.",
                "Exit codes: 0 solved, 2 bad input, 3 no value fits."})
final class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "%nQuestion (one of):%n")
    Question question;

    static final class Question {
        @Option(names = "--max-context", required = true,
                description = "The longest max_single_sequence_length at the batch asked for (one sequence if none).")
        boolean maxContext;
        @Option(names = "--max-batch", required = true,
                description = "The largest max_num_sequence whose sequences all reach the context asked for "
                        + "(the model's context window if none).")
        boolean maxBatch;
        @Option(names = "--smallest-device", required = true,
                description = "The preset device with the least memory that starts and holds what is asked for.")
        boolean smallestDevice;
    }

    @Override
    public Integer call() {
        PresetCatalog catalog = PresetCatalog.load();
        ModelOptions.Selection selection = options.selection(catalog);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Device device = options.hasDevice() || !question.smallestDevice ? options.device(catalog, err)
                : catalog.defaultDevice().device();
        ModelLibrary library = selection.library(device.backend().plannerTarget());
        Scenario scenario = new Scenario(library, device, options.engine.engine(), options.engine.ruleSet());
        selection.notes().forEach(n -> err.println("note: " + n));
        EstimateCommand.notes(library, err);
        String mode = scenario.engine().mode().mlcName();
        Workload asked = ReverseSolver.asked(scenario);
        if (question.maxContext) {
            OptionalInt solved = ReverseSolver.maxContext(scenario);
            String batch = asked.batch().isPresent() ? asked.batch().getAsInt() + " sequences" : "one sequence";
            return answer(out, solved.isPresent(), () -> "max context: " + solved.getAsInt() + " tokens (" + batch
                    + ", " + mode + " mode, " + device.name() + ")",
                    () -> "no context fits " + batch + " in " + mode + " mode on " + device.name() + ": "
                            + reason(scenario, new Workload(asked.batch(), OptionalInt.of(1))));
        }
        if (question.maxBatch) {
            OptionalInt solved = ReverseSolver.maxBatch(scenario);
            String context = asked.context().isPresent() ? asked.context().getAsInt() + " tokens" : "the context window";
            return answer(out, solved.isPresent(), () -> "max batch: " + solved.getAsInt() + " sequences of " + context
                    + " (" + mode + " mode, " + device.name() + ")",
                    () -> "not even one sequence of " + context + " fits in " + mode + " mode on " + device.name() + ": "
                            + reason(scenario, new Workload(OptionalInt.of(1), asked.context())));
        }
        List<Device> presets = catalog.devices().stream().map(PresetCatalog.DevicePreset::device).toList();
        // each device with the library compiled for its backend, as estimate --gpu builds it
        java.util.function.Function<Device, Scenario> on = d -> new Scenario(selection.library(d.backend().plannerTarget()),
                d, scenario.engine(), scenario.rules());
        Optional<Device> smallest = ReverseSolver.smallestDevice(scenario, presets, on);
        String id = smallest.flatMap(d -> catalog.devices().stream().filter(p -> p.device().equals(d)).findFirst())
                .map(PresetCatalog.DevicePreset::id).orElse("");
        return answer(out, smallest.isPresent(), () -> "smallest preset device: " + smallest.get().name() + " (--gpu "
                + id + ", " + dev.kvlens.model.Mib.format(smallest.get().totalGlobalMemoryBytes(), 3) + " MiB; " + mode + " mode)",
                () -> "no preset device fits in " + mode + " mode, not even the largest: " + reason(largest(presets, on), asked));
    }

    private static Scenario largest(List<Device> presets, java.util.function.Function<Device, Scenario> on) {
        return on.apply(presets.stream().max(java.util.Comparator.comparingLong(Device::totalGlobalMemoryBytes))
                .orElseThrow());
    }

    private static int answer(PrintWriter out, boolean solved, java.util.function.Supplier<String> found,
                              java.util.function.Supplier<String> none) {
        out.println(solved ? found.get() : none.get());
        out.flush();
        return solved ? 0 : KvLensCommand.EXIT_INSUFFICIENT_MEMORY;
    }

    /** Why the smallest workload does not fit, in MLC's terms (the map's tooltip words). */
    private static String reason(Scenario scenario, Workload workload) {
        WorkloadFit fit = WorkloadFit.of(scenario, workload);
        return fit.fits() ? "it does not fit at the smallest value either"
                : Messages.format(Locale.ENGLISH, "map.reason." + fit.failing().name()).replaceFirst("^does not fit: ", "");
    }
}
