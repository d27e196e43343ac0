package dev.kvlens.app;

import dev.kvlens.app.cli.KvLensCommand;

/**
 * The jar's entry point. It does not extend {@code Application}, so the shaded jar starts without
 * JavaFX on the module path; subcommands run headless.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(KvLensCommand.run(args.length == 0 ? new String[] {"--help"} : args));
    }
}
