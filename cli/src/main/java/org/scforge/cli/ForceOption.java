package org.scforge.cli;

import picocli.CommandLine.Option;

/** {@code --force}, the same on every command that writes an output folder (rules: docs/errors.md). */
public final class ForceOption {

    @Option(names = "--force", description = "replace an earlier scforge output in the output folder "
            + "(never a folder scforge did not write, a git checkout or one that holds the input)")
    boolean force;
}
