package org.scforge.sim.train;

import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.NetworkBuilder;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.sim.GoldenModel;
import org.scforge.sim.data.Augment;
import org.scforge.sim.data.Dataset;
import org.scforge.sim.data.IdxFolder;
import org.scforge.sim.data.Pca;
import org.scforge.sim.data.Quantiser;
import org.scforge.sim.data.SignMagnitudeQuantiser;
import org.scforge.sim.data.StratifiedSplit;
import org.scforge.sim.data.UnsignedQuantiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole data-to-model pipeline that {@code scforge mnist} and {@code scforge train} share: seeded
 * stratified selection of training and test digits, PCA (or raw pixels), quantisation to input codes,
 * the float reference, bit-exact SC training, and bit-exact evaluation at several bitstream lengths.
 */
public final class Pipeline {

    /** Percentile of |PCA feature| that maps to the largest sign-magnitude code. */
    static final double FEATURE_PERCENTILE = 99.5;
    static final int CODE_BITS = 8;

    /** The readout quantile of a network trained for its stream length (docs/mnist.md, "Short bitstreams"). */
    static final double STREAM_READOUT_QUANTILE = 0.9;
    /** The factor on the binomial readout noise of a stream-aware rate phase (docs/mnist.md). */
    static final double STREAM_READOUT_NOISE = 1.0;
    /**
     * Up to this training length the bit-exact phase of a network trained for its length runs on the augmented
     * samples (9x the golden-model work, cheap at short L); above it on the plain training set.
     */
    static final int STREAM_AUGMENTED_MAX_LENGTH = 64;

    /**
     * What to train, made with {@link #named} and named setters; what is not set is the default below, the one
     * place the training defaults live (the CLI's options show these; measured in docs/mnist.md).
     *
     * @param features PCA components, or 0 for raw pixels (unsigned codes)
     * @param epochs   bit-exact epochs; the rate phase runs {@code rateEpochs}
     * @param streams  trained for frames of {@code trainLength} steps ({@link ScTrainer.Settings#forStreams}):
     *                 what {@code --length L} asks for
     */
    public record Options(String name, int train, int test, int features, int hidden, int length, List<Integer> lengths,
                          int rateEpochs, int epochs, int trainLength, boolean streams, int augment, long seed,
                          Architecture arch) {
        public static final int TRAIN = 2000;
        public static final int TEST = 500;
        public static final int FEATURES = 50;
        public static final int HIDDEN = 128;
        /** The length the model is written at, without {@link Builder#forLength}. */
        public static final int LENGTH = 512;
        /** The length of the bit-exact passes, without {@link Builder#forLength}. */
        public static final int TRAIN_LENGTH = 128;
        public static final int RATE_EPOCHS = 20;
        /** Bit-exact epochs, without {@link Builder#forLength}. */
        public static final int EPOCHS = 2;
        /**
         * Bit-exact epochs of a network with conv layers, with or without {@link Builder#forLength}: its training
         * accuracy is 1.0 after the rate phase already and each bit-exact epoch runs the 1,152 neurons of the conv
         * preset's positions, so 3 keep the training within minutes (docs/mnist.md, "Conv network on raw pixels").
         */
        public static final int CONV_EPOCHS = 3;
        /** Shift augmentation radius (pixels) of the rate phase and the float reference. */
        public static final int AUGMENT = 1;
        public static final long SEED = 1;
        /** Lengths the trained weights are re-run at, besides the model's own. */
        public static final List<Integer> LENGTHS = List.of(8, 16, 32, 64, 128, 256, 512, 1024);

        public Options {
            lengths = List.copyOf(lengths);
        }

        public static Builder named(String name) {
            return new Builder(name);
        }

        /**
         * Bit-exact epochs of a network trained for length {@code l}: measured on seeds 1-3 (docs/mnist.md), 15
         * were better at L = 16 and 10 at L = 8, by less than the noise of a three-seed mean on 500 digits.
         */
        public static int streamEpochs(int l) {
            return l >= 16 ? 15 : 10;
        }

        /** Named construction of {@link Options}; every field starts at its default. */
        public static final class Builder {
            private final String name;
            private int train = TRAIN;
            private int test = TEST;
            private int features = FEATURES;
            private int hidden = HIDDEN;
            private int length = LENGTH;
            private List<Integer> lengths;
            private int rateEpochs = RATE_EPOCHS;
            private Integer epochs;
            private int trainLength = TRAIN_LENGTH;
            private boolean streams;
            private int augment = AUGMENT;
            private long seed = SEED;
            private Architecture arch = Architecture.dense();

            private Builder(String name) {
                this.name = name;
            }

            public Builder train(int images) {
                this.train = images;
                return this;
            }

            public Builder test(int images) {
                this.test = images;
                return this;
            }

            /** PCA components, or 0 for raw pixels. */
            public Builder features(int components) {
                this.features = components;
                return this;
            }

            public Builder hidden(int neurons) {
                this.hidden = neurons;
                return this;
            }

            /** The length the model is written at; the bit-exact passes stay at {@link #trainLength}. */
            public Builder length(int l) {
                this.length = l;
                return this;
            }

            /**
             * Trained for the length {@code l} the hardware will run ({@code --length L}): the rate phase sees
             * L-step frames, the bit-exact phase runs at L, the model is written at L, and the bit-exact epochs
             * default to {@link #streamEpochs}.
             */
            public Builder forLength(int l) {
                this.length = l;
                this.trainLength = l;
                this.streams = true;
                return this;
            }

            /** Lengths the model is evaluated at; by default {@link #LENGTHS} and the model's own. */
            public Builder lengths(List<Integer> at) {
                this.lengths = List.copyOf(at);
                return this;
            }

            public Builder rateEpochs(int epochs) {
                this.rateEpochs = epochs;
                return this;
            }

            public Builder epochs(int bitExact) {
                this.epochs = bitExact;
                return this;
            }

            public Builder trainLength(int l) {
                this.trainLength = l;
                return this;
            }

            public Builder augment(int radius) {
                this.augment = radius;
                return this;
            }

            public Builder seed(long value) {
                this.seed = value;
                return this;
            }

            /** The layers ({@code --arch}); by default {@link Architecture#dense()}. */
            public Builder arch(Architecture layers) {
                this.arch = layers;
                return this;
            }

            public Options build() {
                List<Integer> at = lengths;
                if (at == null) {
                    java.util.TreeSet<Integer> set = new java.util.TreeSet<>(LENGTHS);
                    set.add(length);
                    at = List.copyOf(set);
                }
                int bitExact = epochs != null ? epochs : arch.hasImageLayers() ? CONV_EPOCHS
                        : streams ? streamEpochs(length) : EPOCHS;
                return new Options(name, train, test, features, hidden, length, at, rateEpochs, bitExact, trainLength,
                        streams, augment, seed, arch);
            }
        }
    }

    /** Everything a command reports or writes. */
    public record Outcome(Network network, int[][] testCodes, int[] testLabels, Evaluation test,
                          Map<Integer, Double> accuracyByLength, double floatReferenceAccuracy, double trainSeconds,
                          ScTrainer.Result training, Map<String, String> info,
                          org.scforge.dsl.Preprocessing preprocessing) {
    }

    private Pipeline() {
    }

    public static Outcome run(IdxFolder data, String dataName, Options o, Consumer<String> log,
                              Consumer<EpochStats> progress) {
        long start = System.nanoTime();
        Dataset train;
        Dataset test;
        if (data.test().isPresent()) {
            train = pick(data.train(), o.train(), o.seed(), "training");
            test = pick(data.test().get(), o.test(), o.seed() + 1, "test");
        } else {
            Dataset all = data.train();
            if ((long) o.train() + o.test() > all.size()) {
                throw new IllegalArgumentException(dataName + " holds " + all.size() + " images, fewer than "
                        + o.train() + " training + " + o.test() + " test");
            }
            StratifiedSplit split = StratifiedSplit.of(all.labels(), o.train(), o.test(), o.seed());
            train = all.subset(split.train());
            test = all.subset(split.test());
        }
        int classes = Math.max(train.classes(), test.classes());
        Dataset augmented = o.augment() > 0 ? Augment.shifts(train, o.augment()) : train;
        double[][] trainRows = train.pixelRows();
        double[][] augmentedRows = augmented.pixelRows();
        double[][] testRows = test.pixelRows();
        Quantiser quantiser;
        String features;
        java.util.Optional<Pca> projection = java.util.Optional.empty();
        if (o.features() > 0) {
            Pca pca = Pca.fit(trainRows, o.features());
            projection = java.util.Optional.of(pca);
            trainRows = pca.transformAll(trainRows);
            augmentedRows = pca.transformAll(augmentedRows);
            testRows = pca.transformAll(testRows);
            quantiser = SignMagnitudeQuantiser.fit(trainRows, CODE_BITS, FEATURE_PERCENTILE);
            features = "PCA " + o.features();
        } else {
            quantiser = UnsignedQuantiser.fit(trainRows, CODE_BITS);
            features = "raw pixels";
        }
        int[][] trainCodes = quantiser.encodeAll(trainRows);
        int[][] testCodes = quantiser.encodeAll(testRows);
        int[][] augmentedCodes = quantiser.encodeAll(augmentedRows);
        log.accept(String.format("data: %s, %d training / %d test images, %s, codes %s (%.1f s)", dataName,
                train.size(), test.size(), features, quantiser.describe(), (System.nanoTime() - start) / 1e9));

        Code code = quantiser.code();
        int inputs = trainCodes[0].length;
        Network template = template(o, train, inputs, code, classes);
        List<Stage> stages = Stage.of(template);

        double[][] testInputs = ScCodes.inputs(testCodes, code.magnitudeBits());
        double[][] augmentedInputs = ScCodes.inputs(augmentedCodes, code.magnitudeBits());
        // The float reference is independent of the SC training: it runs on the other core meanwhile.
        java.util.concurrent.CompletableFuture<Double> floatAccuracy = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> FloatReference.train(augmentedInputs, augmented.labels(), stages, o.rateEpochs(), 3e-3, o.seed(),
                        s -> { }).accuracy(testInputs, test.labels()));
        ScTrainer.Settings settings = ScTrainer.Settings.defaults(o.seed()).withEpochs(o.rateEpochs(), o.epochs())
                .withTrainLength(o.trainLength());
        if (o.streams()) {
            settings = settings.forStreams(STREAM_READOUT_QUANTILE, STREAM_READOUT_NOISE,
                    o.trainLength() <= STREAM_AUGMENTED_MAX_LENGTH);
        }
        ScTrainer.Result result = ScTrainer.train(template, augmentedCodes, augmented.labels(), trainCodes,
                train.labels(), settings, progress);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        log.accept(String.format("trained in %.1f s: hidden threshold %d, logit temperature %.3f", trainSeconds,
                result.threshold(), result.temperature()));

        log.accept(String.format("float reference (%s): test accuracy %.4f", o.arch().isDefault()
                ? shape(o, inputs, classes) + " ReLU MLP" : shape(o, inputs, classes) + ", ReLU"
                + (o.arch().parts().stream().anyMatch(Architecture.Pool.class::isInstance) ? ", max pools" : ""),
                floatAccuracy.join()));
        Network network = result.network();
        Evaluation evaluation = Evaluation.bitExact(GoldenModel.of(network), testCodes, test.labels());
        Map<Integer, Double> byLength = new LinkedHashMap<>();
        for (int length : o.lengths()) {
            byLength.put(length, length == network.length() ? evaluation.accuracy()
                    : Evaluation.bitExact(GoldenModel.of(network.withLength(length)), testCodes, test.labels()).accuracy());
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("data", dataName);
        info.put("seed", Long.toString(o.seed()));
        info.put("train", Integer.toString(train.size()));
        info.put("test", Integer.toString(test.size()));
        info.put("features", features);
        if (!o.arch().isDefault()) {
            info.put("arch", o.arch().text());
        }
        info.put("quantiser", quantiser.describe());
        info.put("threshold", Integer.toString(result.threshold()));
        info.put("temperature", Double.toString(result.temperature()));
        info.put("epochs", o.rateEpochs() + (o.streams() ? " stream-aware rate" : " rate") + " + " + o.epochs()
                + " bit-exact at L=" + o.trainLength()
                + (settings.bitExactOnRateSet() ? " on the augmented set" : ""));
        info.put("trainer", "org.scforge.sim.train.ScTrainer");
        return new Outcome(network, testCodes, test.labels(), evaluation, byLength, floatAccuracy.join(), trainSeconds, result,
                info, org.scforge.sim.data.ImageEncoder.describe(train.rows(), train.cols(), projection, quantiser));
    }

    /** The network {@code o.arch()} describes, with untrained weights. */
    private static Network template(Options o, Dataset train, int inputs, Code code, int classes) {
        Architecture arch = o.arch();
        NetworkBuilder b = Network.named(o.name()).weights(CODE_BITS).bitstream(o.length())
                .sources(SourcePlan.lowDiscrepancy());
        if (arch.isDefault()) {
            return b.inputs(inputs, code).dense("hidden", o.hidden(), Neuron.integrateAndFire(1))
                    .dense("out", classes, Neuron.counter()).build();
        }
        if (arch.hasImageLayers()) {
            if (o.features() != 0) {
                throw new IllegalArgumentException("--arch " + arch.text() + " has conv layers, which read raw pixels:"
                        + " use --features raw (not " + o.features() + " PCA components)");
            }
            b.image(train.rows(), train.cols(), 1, code);
        } else {
            b.inputs(inputs, code);
        }
        List<Architecture.Part> parts = arch.parts();
        Architecture.Dense readout = (Architecture.Dense) parts.get(parts.size() - 1);
        if (readout.neurons() != classes) {
            throw new IllegalArgumentException("--arch " + arch.text() + ": the last layer, " + readout.text()
                    + ", is the readout and must have one neuron per class: dense:" + classes);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i) instanceof Architecture.Conv c) {
                b.conv("conv" + (i + 1), c.channels(), c.kernel(), c.stride(), c.padding(), Neuron.integrateAndFire(1));
            } else if (parts.get(i) instanceof Architecture.Pool p) {
                b.pool("pool" + (i + 1), p.window(), p.stride());
            } else {
                b.dense(i == parts.size() - 2 ? "hidden" : "hidden" + (i + 1), ((Architecture.Dense) parts.get(i)).neurons(),
                        Neuron.integrateAndFire(1));
            }
        }
        return b.dense("out", classes, Neuron.counter()).build();
    }

    /** {@code 50-128-10} for the default, else the arch's spec on its inputs. */
    private static String shape(Options o, int inputs, int classes) {
        return o.arch().isDefault() ? inputs + "-" + o.hidden() + "-" + classes : inputs + " -> " + o.arch().text();
    }

    private static Dataset pick(Dataset set, int count, long seed, String what) {
        if (count > set.size()) {
            throw new IllegalArgumentException("the " + what + " set holds " + set.size() + " images, fewer than " + count);
        }
        return set.subset(StratifiedSplit.of(set.labels(), count, 0, seed).train());
    }
}
