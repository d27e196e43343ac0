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
        if (args.length == 0 || java.util.Arrays.stream(args)
                .allMatch(a -> isFile(a) || a.equals(KvLensApp.STARTUP_REPORT))) {
            DesktopLauncher.launch(args); // files given on the command line (or by the desktop) are imported
            return;
        }
        System.exit(KvLensCommand.run(args));
    }

    private static boolean isFile(String arg) {
        return !arg.startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(arg));
    }
}
