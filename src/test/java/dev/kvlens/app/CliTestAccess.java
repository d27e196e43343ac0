package dev.kvlens.app;

/** Runs the CLI for tests of other packages: {exit code, stdout, stderr}. */
public final class CliTestAccess {

    private CliTestAccess() {
    }

    public static String[] run(String... args) {
        CliTest.Run r = CliTest.run(args);
        return new String[]{Integer.toString(r.code()), r.out(), r.err()};
    }
}
