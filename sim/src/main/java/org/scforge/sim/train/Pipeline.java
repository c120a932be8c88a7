package org.scforge.sim.train;

import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
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
     * @param features PCA components, or 0 for raw pixels (unsigned codes)
     * @param epochs   bit-exact epochs; the rate phase runs {@code rateEpochs}
     * @param streams  trained for frames of {@code trainLength} steps ({@link ScTrainer.Settings#forStreams}):
     *                 what {@code --length L} asks for
     */
    public record Options(String name, int train, int test, int features, int hidden, int length, List<Integer> lengths,
                          int rateEpochs, int epochs, int trainLength, boolean streams, int augment, long seed) {
    }

    /** Everything a command reports or writes. */
    public record Outcome(Network network, int[][] testCodes, int[] testLabels, Evaluation test,
                          Map<Integer, Double> accuracyByLength, double floatReferenceAccuracy, double trainSeconds,
                          ScTrainer.Result training, Map<String, String> info) {
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
        if (o.features() > 0) {
            Pca pca = Pca.fit(trainRows, o.features());
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
        Network template = Network.named(o.name()).inputs(inputs, code).weights(CODE_BITS).bitstream(o.length())
                .sources(SourcePlan.lowDiscrepancy())
                .dense("hidden", o.hidden(), Neuron.integrateAndFire(1))
                .dense("out", classes, Neuron.counter())
                .build();

        double[][] testInputs = ScCodes.inputs(testCodes, code.magnitudeBits());
        double[][] augmentedInputs = ScCodes.inputs(augmentedCodes, code.magnitudeBits());
        // The float reference is independent of the SC training: it runs on the other core meanwhile.
        java.util.concurrent.CompletableFuture<Double> floatAccuracy = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> FloatReference.train(augmentedInputs, augmented.labels(), o.hidden(), classes, o.rateEpochs(),
                        3e-3, o.seed(), s -> { }).accuracy(testInputs, test.labels()));
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

        log.accept(String.format("float reference (%d-%d-%d ReLU MLP): test accuracy %.4f", inputs, o.hidden(), classes,
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
        info.put("quantiser", quantiser.describe());
        info.put("threshold", Integer.toString(result.threshold()));
        info.put("temperature", Double.toString(result.temperature()));
        info.put("epochs", o.rateEpochs() + (o.streams() ? " stream-aware rate" : " rate") + " + " + o.epochs()
                + " bit-exact at L=" + o.trainLength()
                + (settings.bitExactOnRateSet() ? " on the augmented set" : ""));
        info.put("trainer", "org.scforge.sim.train.ScTrainer");
        return new Outcome(network, testCodes, test.labels(), evaluation, byLength, floatAccuracy.join(), trainSeconds, result,
                info);
    }

    private static Dataset pick(Dataset set, int count, long seed, String what) {
        if (count > set.size()) {
            throw new IllegalArgumentException("the " + what + " set holds " + set.size() + " images, fewer than " + count);
        }
        return set.subset(StratifiedSplit.of(set.labels(), count, 0, seed).train());
    }
}
