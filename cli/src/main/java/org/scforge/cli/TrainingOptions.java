package org.scforge.cli;

import org.scforge.sim.train.Pipeline;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * The training options {@code mnist} and {@code train} share (a picocli mixin). Their defaults are
 * {@link Pipeline.Options}'s, the one place they live (measured in docs/mnist.md).
 */
public final class TrainingOptions {

    @Option(names = "--seed", defaultValue = "" + Pipeline.Options.SEED,
            description = "seed of split, initialisation and batches (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--length", paramLabel = "L",
            description = "train for the bitstream length L the hardware will run: the rate phase sees L-step frames, "
                    + "the bit-exact phase runs at L, the model is written at L (default: bit-exact at "
                    + Pipeline.Options.TRAIN_LENGTH + ", written at " + Pipeline.Options.LENGTH + ")")
    Integer length;

    @Option(names = "--epochs", description = "bit-exact training epochs (default " + Pipeline.Options.EPOCHS
            + "; with --length 15, or 10 for L < 16; " + Pipeline.Options.CONV_EPOCHS + " for an --arch with conv layers)")
    Integer epochs;

    @Option(names = "--rate-epochs", defaultValue = "" + Pipeline.Options.RATE_EPOCHS,
            description = "rate-model epochs before the bit-exact ones (default ${DEFAULT-VALUE})")
    int rateEpochs;

    @Option(names = "--hidden", defaultValue = "" + Pipeline.Options.HIDDEN, description = "hidden neurons (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--arch", defaultValue = "dense", paramLabel = "SPEC",
            description = "layers: 'dense' (PCA features -> --hidden -> classes, the default), 'conv' ("
                    + org.scforge.sim.train.Architecture.CONV + ", on raw pixels) or a list of conv:CxK[sS][pP], "
                    + "pool:W[sS], dense:N, the last dense:CLASSES (docs/mnist.md)")
    String arch;

    /** The parsed {@code --arch}, or a one-line user error naming the bad part. */
    org.scforge.sim.train.Architecture architecture() {
        try {
            return org.scforge.sim.train.Architecture.parse(arch);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * The pipeline's options; {@code features} {@code null} means the architecture's default (raw pixels for
     * conv layers, else {@link Pipeline.Options#FEATURES} PCA components); {@code lengths} {@code null} means {@link Pipeline.Options#LENGTHS} and the model's length. */
    Pipeline.Options pipeline(String name, int train, int test, Integer features, List<Integer> lengths) {
        org.scforge.sim.train.Architecture layers = architecture();
        int components = features != null ? features : layers.hasImageLayers() ? 0 : Pipeline.Options.FEATURES;
        Pipeline.Options.Builder options = Pipeline.Options.named(name).train(train).test(test).features(components)
                .hidden(hidden).rateEpochs(rateEpochs).seed(seed).arch(layers);
        if (length != null) {
            options.forLength(length);
        }
        if (epochs != null) {
            options.epochs(epochs);
        }
        if (lengths != null) {
            options.lengths(lengths);
        }
        return options.build();
    }
}
