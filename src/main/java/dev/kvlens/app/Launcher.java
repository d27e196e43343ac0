package dev.kvlens.app;

import dev.kvlens.app.cli.KvLensCommand;

/**
 * The jar's entry point. It does not extend {@code Application}, so the shaded jar starts without
 * JavaFX on the module path. No arguments (or only files, which it imports) open the desktop app; a subcommand
 * runs headless. {@code --startup-report} opens the window, prints the time from JVM start to its first rendered
 * frame and exits (the cold-start benchmark).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        JavaFxClasspathWarningFilter.install();
        if (args.length > 0 && !isSubcommand(args[0])) {
            for (String arg : args) {
                if (!arg.startsWith("-") && !representable(arg)) {
                    System.err.println("kvlens: '" + dev.kvlens.text.UserText.escape(arg) + "' is not a file name this "
                            + "system can open with its character encoding (" + System.getProperty("sun.jnu.encoding", "?")
                            + "); use a UTF-8 locale (LANG=C.UTF-8)");
                    System.exit(dev.kvlens.app.cli.KvLensCommand.EXIT_INPUT);
                }
            }
        }
        if (args.length == 0 || java.util.Arrays.stream(args)
                .allMatch(a -> isFile(a) || a.equals(KvLensApp.STARTUP_REPORT))) {
            DesktopLauncher.launch(args); // files given on the command line (or by the desktop) are imported
            return;
        }
        System.exit(KvLensCommand.run(args));
    }

    private static boolean isFile(String arg) {
        java.nio.file.Path path = representable(arg) ? java.nio.file.Path.of(arg) : null;
        // a file or a model folder the window opens (a folder that happens to share a subcommand's name, say
        // "models", holds no model config and stays the subcommand)
        return !arg.startsWith("-") && path != null
                && (java.nio.file.Files.isRegularFile(path) || dev.kvlens.io.ModelFolders.isModelFolder(path));
    }

    /** Whether the JVM can name the file (under LANG=C it cannot name non-ASCII files). */
    static boolean representable(String arg) {
        try {
            java.nio.file.Path.of(arg);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean isSubcommand(String arg) {
        return arg.equals("estimate") || arg.equals("compile-report") || arg.equals("export-png");
    }
}
