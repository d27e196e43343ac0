package dev.kvlens.app.cli;

import picocli.CommandLine.ArgGroup;

/** Wraps {@link ModelOptions} as an argument group for commands (optional: {@code estimate --scenario} has none). */
final class ModelOptionsMixin {
    static final String GIVE_THE_MODEL = "give the model: --model DIR, --model-lib FILE, --chat-config FILE, "
            + "--hf-config FILE or --preset ID";

    @ArgGroup(exclusive = false, multiplicity = "0..1", heading = "%nModel and compile-time values:%n")
    ModelOptions options;

    /** The model options; without any, the message names the ways to give a model. */
    ModelOptions options() {
        if (options == null) {
            throw new IllegalArgumentException(GIVE_THE_MODEL);
        }
        return options;
    }
}
