package org.scforge.cli;

/** Training defaults that {@code mnist} and {@code train} share (measured in docs/mnist.md). */
final class TrainingOptions {
    static final int RATE_EPOCHS = 20;
    static final int BIT_EXACT_EPOCHS = 2;
    /** Bitstream length of the bit-exact training passes (evaluation uses the network's own L). */
    static final int TRAIN_LENGTH = 128;
    /** Shift augmentation radius (pixels) of the rate phase and the float reference. */
    static final int AUGMENT = 1;

    private TrainingOptions() {
    }
}
