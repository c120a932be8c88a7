package org.scforge.cli;

import org.scforge.sim.train.Pipeline;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.TreeSet;

/** The training options {@code mnist} and {@code train} share (a picocli mixin); defaults measured in docs/mnist.md. */
public final class TrainingOptions {
    /** Bitstream length of the model without {@code --length}. */
    static final int LENGTH = 512;
    /** Bitstream length of the bit-exact training passes without {@code --length}. */
    static final int TRAIN_LENGTH = 128;
    /** Bit-exact epochs without {@code --length}. */
    static final int EPOCHS = 2;
    /** Lengths the trained weights are re-run at, besides the model's own. */
    static final List<Integer> LENGTHS = List.of(8, 16, 32, 64, 128, 256, 512, 1024);
    /** Shift augmentation radius (pixels) of the rate phase and the float reference. */
    static final int AUGMENT = 1;

    @Option(names = "--seed", defaultValue = "1", description = "seed of split, initialisation and batches (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--length", paramLabel = "L",
            description = "train for the bitstream length L the hardware will run: the rate phase sees L-step frames, "
                    + "the bit-exact phase runs at L, the model is written at L (default: bit-exact at 128, written at 512)")
    Integer length;

    @Option(names = "--epochs", description = "bit-exact training epochs (default 2; with --length 15, or 10 for L < 16)")
    Integer epochs;

    @Option(names = "--rate-epochs", defaultValue = "20",
            description = "rate-model epochs before the bit-exact ones (default ${DEFAULT-VALUE})")
    int rateEpochs;

    @Option(names = "--hidden", defaultValue = "128", description = "hidden neurons (default ${DEFAULT-VALUE})")
    int hidden;

    /**
     * Bit-exact epochs of a network trained for length {@code l}: measured on seeds 1-3 (docs/mnist.md), 15 were
     * better at L = 16 and 10 at L = 8, by less than the noise of a three-seed mean on 500 digits.
     */
    static int streamEpochs(int l) {
        return l >= 16 ? 15 : 10;
    }

    /** The pipeline's options; {@code lengths} {@code null} means {@link #LENGTHS} and the model's length. */
    Pipeline.Options pipeline(String name, int train, int test, int features, List<Integer> lengths) {
        int modelLength = length == null ? LENGTH : length;
        List<Integer> at = lengths;
        if (at == null) {
            TreeSet<Integer> set = new TreeSet<>(LENGTHS);
            set.add(modelLength);
            at = List.copyOf(set);
        }
        int bitExactEpochs = epochs != null ? epochs : length == null ? EPOCHS : streamEpochs(length);
        return new Pipeline.Options(name, train, test, features, hidden, modelLength, at, rateEpochs, bitExactEpochs,
                length == null ? TRAIN_LENGTH : length, length != null, AUGMENT, seed);
    }
}
