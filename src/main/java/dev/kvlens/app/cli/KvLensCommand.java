package dev.kvlens.app.cli;

import dev.kvlens.app.AppVersion;
import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.GpuDetector;
import dev.kvlens.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/** {@code kvlens}: the top-level command and the error policy shared by all subcommands. */
@Command(name = "kvlens",
        mixinStandardHelpOptions = true,
        versionProvider = KvLensCommand.Version.class,
        description = "Where an MLC-LLM model's GPU memory goes: MLC's own runtime estimate, per engine mode.",
        subcommands = {EstimateCommand.class, CompileReportCommand.class, ExportPngCommand.class, DevicesCommand.class,
                PresetsCommand.class, ModelsCommand.class})
public final class KvLensCommand {

    /** Bad flag, unreadable file or invalid value. */
    public static final int EXIT_INPUT = 2;
    /** MLC would stop with its insufficient-memory error. */
    public static final int EXIT_INSUFFICIENT_MEMORY = 3;

    /** Runs the CLI and returns the exit code. */
    public static int run(String... args) {
        // UTF-8 whatever the locale: notes carry "§" and Chinese file names; MLC's own lines are ASCII.
        return run(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true), args);
    }

    /** Runs the CLI with the given streams (tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, () -> GpuDetector.forThisMachine().detect(), args);
    }

    /** Runs the CLI with the given streams and GPU detection ({@code --gpu auto}, {@code devices}; tests). */
    public static int run(PrintWriter out, PrintWriter err, Supplier<List<DetectedDevice>> detector, String... args) {
        CommandLine cli = new CommandLine(new KvLensCommand(), new Factory(new DetectedDevices(detector)));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("kvlens: " + ex.getMessage() + " (see --help)");
            return EXIT_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                err.println("kvlens: " + ex.getMessage());
                return EXIT_INPUT;
            }
            throw ex;
        });
        return cli.execute(args);
    }

    /** Hands the one detection of this command line to the classes that need it. */
    private record Factory(DetectedDevices detected) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == DeviceOptions.class) {
                return type.cast(new DeviceOptions(detected));
            }
            if (type == DevicesCommand.class) {
                return type.cast(new DevicesCommand(detected));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** {@code --version}: the app version and the rules it follows. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return AppVersion.versionLines();
        }
    }
}
