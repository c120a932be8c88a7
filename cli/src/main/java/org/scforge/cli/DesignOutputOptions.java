package org.scforge.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options every command that reads a model and writes a folder shares: the model, the folder and {@code --force}. */
public final class DesignOutputOptions {

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "the model file")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder: new or empty, or an earlier scforge output with --force")
    Path out;

    @picocli.CommandLine.Mixin
    ForceOption force;
}
