package org.scforge.cli;

import picocli.CommandLine.Option;

/** The training options {@code mnist} and {@code train} share (a picocli mixin); defaults measured in docs/mnist.md. */
public final class TrainingOptions {
    /** Bitstream length of the bit-exact training passes (evaluation uses the network's own L). */
    static final int TRAIN_LENGTH = 128;
    /** Shift augmentation radius (pixels) of the rate phase and the float reference. */
    static final int AUGMENT = 1;

    @Option(names = "--seed", defaultValue = "1", description = "seed of split, initialisation and batches (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", defaultValue = "2", description = "bit-exact training epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--rate-epochs", defaultValue = "20",
            description = "rate-model epochs before the bit-exact ones (default ${DEFAULT-VALUE})")
    int rateEpochs;

    @Option(names = "--hidden", defaultValue = "128", description = "hidden neurons (default ${DEFAULT-VALUE})")
    int hidden;
}
