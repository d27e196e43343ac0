package dev.kvlens.app.cli;

import picocli.CommandLine.ArgGroup;

/** Wraps {@link ModelOptions} as a validating argument group for commands. */
final class ModelOptionsMixin {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "%nModel and compile-time values:%n")
    ModelOptions options;
}
