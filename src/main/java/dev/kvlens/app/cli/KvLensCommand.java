package dev.kvlens.app.cli;

import dev.kvlens.app.AppVersion;
import dev.kvlens.io.DetectedDevice;
import dev.kvlens.io.GpuDetector;
import dev.kvlens.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.kvlens.text.UserText;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** {@code kvlens}: the top-level command and the error policy shared by all subcommands. */
@Command(name = "kvlens",
        mixinStandardHelpOptions = true,
        versionProvider = KvLensCommand.Version.class,
        description = "Where an MLC-LLM model's GPU memory goes: MLC's own runtime estimate, per engine mode.")
public final class KvLensCommand {

    /** The subcommands, in the order {@code --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(EstimateCommand.class, SolveCommand.class,
            CompileReportCommand.class, ExportPngCommand.class, DevicesCommand.class, PresetsCommand.class,
            ModelsCommand.class);

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

    /**
     * Runs the CLI with the given streams (tests). Every failure ends as one clean line on {@code err} and exit
     * code 2 (never a stack trace): file content in messages is escaped ({@link UserText}).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, () -> GpuDetector.forThisMachine().detect(), args);
    }

    /** Runs the CLI with the given streams and GPU detection ({@code --gpu auto}, {@code devices}; tests). */
    public static int run(PrintWriter out, PrintWriter err, Supplier<List<DetectedDevice>> detector, String... args) {
        CommandLine cli = new CommandLine(new KvLensCommand(), new Factory(new DetectedDevices(detector)));
        // picocli reads a command's annotations when it is added, about 2 ms per command on a warm JVM: a run of one
        // subcommand adds only that one (before the settings below, which apply to the commands present)
        for (Class<?> command : named(args).map(List::<Class<?>>of).orElse(SUBCOMMANDS)) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(Path.class, KvLensCommand::path);
        cli.registerConverter(BigDecimal.class, KvLensCommand::decimal);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("kvlens: " + UserText.oneLine(ex.getMessage()) + " (see --help)");
            return EXIT_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("kvlens: " + describe(ex));
            return EXIT_INPUT;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("kvlens: the input needs more memory than this process has");
            return EXIT_INPUT;
        } catch (RuntimeException e) {
            err.println("kvlens: " + describe(e));
            return EXIT_INPUT;
        }
    }

    /** The subcommand the arguments start with, if any. */
    private static Optional<Class<?>> named(String[] args) {
        return args.length == 0 ? Optional.empty() : SUBCOMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst();
    }

    /** One line for any failure. */
    static String describe(Throwable ex) {
        if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
            return UserText.oneLine(ex.getMessage());
        }
        if (ex instanceof ArithmeticException) {
            return "a value is too large to compute with (more than 64 bits)";
        }
        if (ex instanceof java.io.UncheckedIOException io) {
            return "could not read or write a file: " + UserText.oneLine(io.getCause().getMessage());
        }
        // never a class name: a problem without a message is reported as such
        return ex.getMessage() == null || UserText.oneLine(ex.getMessage()).isEmpty()
                ? "unexpected problem inside KV Lens (please report it with the command you ran)"
                : "unexpected problem: " + UserText.oneLine(ex.getMessage());
    }

    /** A file name this system can represent (LANG=C cannot name non-ASCII files). */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + UserText.escape(text) + "' is not a file name this "
                    + "system can open with its character encoding (" + System.getProperty("sun.jnu.encoding", "?")
                    + "); use a UTF-8 locale (LANG=C.UTF-8)");
        }
    }

    /** A decimal with at most 40 significant digits and 40 places (so 1e-99999999 answers at once). */
    private static BigDecimal decimal(String text) {
        BigDecimal value;
        try {
            value = text.length() > 80 ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.precision() > 40 || value.scale() > 40 || value.scale() < -40) {
            throw new CommandLine.TypeConversionException("'" + UserText.escape(text.length() > 40
                    ? text.substring(0, 40) + "…" : text) + "' is not a decimal number with at most 40 digits and 40 places");
        }
        return value;
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
