package dev.kvlens.app;

import dev.kvlens.app.cli.KvLensCommand;

/**
 * The jar's entry point. It does not extend {@code Application}, so the shaded jar starts without
 * JavaFX on the module path. No arguments open the desktop app; a subcommand runs headless.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopLauncher.launch(args);
            return;
        }
        System.exit(KvLensCommand.run(args));
    }
}
