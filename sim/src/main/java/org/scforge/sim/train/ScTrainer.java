package org.scforge.sim.train;

import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a two-layer SC network ({@code inputs -> integrate-and-fire hidden -> counting readout}) so that it
 * works bit-exactly, in two phases:
 * <ol>
 *   <li><b>rate</b>: the rate model with float forward passes, hidden {@code h = clip(x . v + c, 0, 1)},
 *   hidden weights kept in [-1, 1]. Cheap, so it runs many epochs. Then the hidden threshold
 *   {@code theta} is chosen as the largest integer for which {@code theta * v} still fits the weight codes
 *   (a high quantile of |v|, so a few outliers clip rather than shrinking every weight), and the readout is
 *   divided by its largest weight (or, for short bitstreams, by the magnitude at {@code readoutQuantile}, the
 *   largest ones clipping: a readout product's count error grows like {@code sqrt(n p)} while the count grows
 *   like {@code n p}, so larger stream probabilities are more precise); the factor becomes the logits'
 *   temperature. For short bitstreams ({@code streamAware}) the rate model is {@link ShortStreamRate}.</li>
 *   <li><b>bit-exact</b>: every forward pass is the golden model at the training length with the quantised
 *   weights; gradients through the rate model (straight-through). The parameters of the epoch with the best
 *   training accuracy are kept.</li>
 * </ol>
 * Deterministic: one seeded {@link Random} drives initialisation and batch order (a second one, from the same
 * seed, the readout noise of a stream-aware rate phase); gradients are summed in
 * sample order whatever the golden model's parallelism.
 */
public final class ScTrainer {

    /**
     * @param readoutQuantile the share of readout weights whose magnitude the largest readout code stands for
     *                        (1: the largest weight; below 1 the largest ones clip and the others get larger,
     *                        less noisy streams)
     * @param streamAware     whether the rate phase sees the frame at {@code trainLength} steps
     *                        ({@link ShortStreamRate}: spike counts and readout product noise)
     * @param readoutNoise    the factor on {@link ShortStreamRate}'s binomial readout noise
     * @param bitExactOnRateSet whether the bit-exact phase runs on the rate phase's (augmented) samples
     *                        instead of the plain training set
     */
    public record Settings(int rateEpochs, int bitExactEpochs, int trainLength, int batchSize, double rateLearningRate,
                           double bitExactLearningRate, double weightDecay, double thresholdQuantile, int minThreshold,
                           double readoutQuantile, boolean streamAware, double readoutNoise, boolean bitExactOnRateSet,
                           long seed) {

        /** The settings {@link Pipeline} trains with by default (its {@link Pipeline.Options} defaults). */
        public static Settings defaults(long seed) {
            return new Settings(Pipeline.Options.RATE_EPOCHS, Pipeline.Options.EPOCHS, Pipeline.Options.TRAIN_LENGTH,
                    50, 3e-3, 5e-4, 1e-4, 0.995, 4, 1.0, false, 0, false, seed);
        }

        public Settings withMinThreshold(int threshold) {
            return new Settings(rateEpochs, bitExactEpochs, trainLength, batchSize, rateLearningRate,
                    bitExactLearningRate, weightDecay, thresholdQuantile, threshold, readoutQuantile, streamAware,
                    readoutNoise, bitExactOnRateSet, seed);
        }

        public Settings withEpochs(int rate, int bitExact) {
            return new Settings(rate, bitExact, trainLength, batchSize, rateLearningRate, bitExactLearningRate,
                    weightDecay, thresholdQuantile, minThreshold, readoutQuantile, streamAware, readoutNoise,
                    bitExactOnRateSet, seed);
        }

        public Settings withTrainLength(int length) {
            return new Settings(rateEpochs, bitExactEpochs, length, batchSize, rateLearningRate, bitExactLearningRate,
                    weightDecay, thresholdQuantile, minThreshold, readoutQuantile, streamAware, readoutNoise,
                    bitExactOnRateSet, seed);
        }

        /**
         * Trained for frames of {@code trainLength} steps: the readout scaled at {@code readoutQuantile}, the rate
         * phase stream-aware with {@code readoutNoise}, and the bit-exact phase on the rate phase's samples or not.
         */
        public Settings forStreams(double quantile, double noise, boolean onRateSet) {
            return new Settings(rateEpochs, bitExactEpochs, trainLength, batchSize, rateLearningRate,
                    bitExactLearningRate, weightDecay, thresholdQuantile, minThreshold, quantile, true, noise,
                    onRateSet, seed);
        }
    }

    /** The trained network (at the template's length), its first layer's threshold, logit temperature and history. */
    public record Result(Network network, int threshold, double temperature, List<EpochStats> history) {
    }

    private ScTrainer() {
    }

    public static Result train(Network template, int[][] codes, int[] labels, Settings settings,
                               Consumer<EpochStats> progress) {
        return train(template, codes, labels, codes, labels, settings, progress);
    }

    /**
     * Trains the rate phase on {@code rateCodes} (e.g. an augmented set; cheap per sample) and the bit-exact
     * phase on {@code codes}.
     */
    public static Result train(Network template, int[][] rateCodes, int[] rateLabels, int[][] codes, int[] labels,
                               Settings settings, Consumer<EpochStats> progress) {
        check(template);
        List<EpochStats> history = new ArrayList<>();
        Consumer<EpochStats> record = s -> {
            history.add(s);
            progress.accept(s);
        };
        int bits = template.weightBits();
        double largest = ScCodes.largest(bits);
        double[][] inputs = ScCodes.inputs(codes, template.inputCode().magnitudeBits());
        Random random = new Random(settings.seed());
        List<Stage> stages = Stage.of(template);
        Params params = Params.initial(stages, random);
        params.scale(false, 0.5);

        double[][] rateInputs = ScCodes.inputs(rateCodes, template.inputCode().magnitudeBits());
        Forward rate = FloatForward.rate(rateInputs, 1.0);
        if (settings.streamAware()) {
            // its own random, so that the batches are those of the plain rate phase
            rate = new ShortStreamRate(FloatForward.rate(rateInputs, 1.0), settings.trainLength(),
                    settings.readoutQuantile(), settings.readoutNoise(), new Random(settings.seed() ^ 0x5407L));
        }
        Fitter.fit(params, rateInputs, rateLabels, rate,
                new Fitter.Schedule("rate", settings.rateEpochs(), settings.batchSize(), settings.rateLearningRate(),
                        settings.weightDecay()),
                random, p -> p.clipHidden(largest / settings.minThreshold()), record, null);

        // each spiking stage its own threshold, from its own weights' magnitudes
        int[] thresholds = new int[stages.size()];
        for (int l = 0; l < params.readout(); l++) {
            if (stages.get(l).spiking()) {
                double q = Math.max(1e-9, params.stageQuantile(l, settings.thresholdQuantile()));
                thresholds[l] = (int) Math.max(settings.minThreshold(), Math.floor(largest / q));
                params.scaleStage(l, thresholds[l]);
            }
        }
        params.clipHidden(largest);
        double readoutMax = Math.max(1e-9, params.magnitudeQuantile(true, settings.readoutQuantile()));
        double temperature = readoutMax / largest;
        params.scale(true, 1 / temperature);
        params.clipReadout(largest);

        Network trainAt = template.withLength(settings.trainLength());
        Best best = new Best(params);
        if (settings.bitExactEpochs() > 0) {
            boolean rateSet = settings.bitExactOnRateSet();
            Fitter.fit(params, rateSet ? rateInputs : inputs, rateSet ? rateLabels : labels,
                    new BitExactForward(trainAt, rateSet ? rateCodes : codes, rateSet ? rateInputs : inputs, thresholds,
                            temperature),
                    new Fitter.Schedule("bit-exact", settings.bitExactEpochs(), settings.batchSize(),
                            settings.bitExactLearningRate(), 0),
                    random, p -> {
                        p.clipHidden(largest);
                        p.clipReadout(largest);
                    }, record, best);
        }
        return new Result(ScCodes.network(template, best.params, thresholds), thresholds[0], temperature, history);
    }

    /** Refuses what the rate model does not describe, in one line naming the layer. */
    private static void check(Network template) {
        List<DenseLayer> dense = template.layers();
        boolean hiddenSpike = dense.subList(0, dense.size() - 1).stream()
                .allMatch(layer -> layer.neuron() instanceof NeuronModel.IntegrateAndFire);
        boolean anySpiking = template.hasImageLayers() || dense.size() > 1;
        if (!hiddenSpike || !dense.get(dense.size() - 1).isReadout() || !anySpiking) {
            throw new IllegalArgumentException("the SC trainer trains [image -> conv [-> pool] ...] [-> integrate-and-fire"
                    + " ...] -> counter networks with at least one integrate-and-fire layer; '" + template.name()
                    + "' has another shape");
        }
        dense.stream().filter(DenseLayer::isXnor).findFirst().ifPresent(layer -> {
            // the rate model and its gradients are those of AND synapses (unipolar streams with signs)
            throw new IllegalArgumentException("the SC trainer trains and synapses only; layer '" + layer.name()
                    + "' of '" + template.name() + "' has xnor synapses");
        });
    }

    /** The parameters after the epoch with the highest training accuracy (ties: the lower loss, then the earlier). */
    private static final class Best implements Fitter.Selector {
        Params params;
        double accuracy = -1;
        double loss = Double.POSITIVE_INFINITY;

        Best(Params initial) {
            this.params = initial.copy();
        }

        @Override
        public void offer(EpochStats stats, Params current) {
            if (stats.accuracy() > accuracy || (stats.accuracy() == accuracy && stats.loss() < loss)) {
                accuracy = stats.accuracy();
                loss = stats.loss();
                params = current.copy();
            }
        }
    }
}
