package org.scforge.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options {@code generate} and {@code synth} share: the model and where the design goes. */
public final class DesignOutputOptions {

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "the model file")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (must be empty unless --force)")
    Path out;

    @Option(names = "--force", description = "replace a non-empty output directory")
    boolean force;
}
