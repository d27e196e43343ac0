package dev.kvlens.app.cli;

import picocli.CommandLine.ArgGroup;

/** Wraps {@link DeviceOptions} as a validating argument group for commands. */
final class DeviceOptionsMixin {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "%nDevice:%n")
    DeviceOptions options;
}
