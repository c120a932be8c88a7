package org.scforge.sim.train;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The float reference: a float network of the same shape as the SC network (ReLUs where it spikes, max pools
 * where it ORs, softmax cross-entropy, Adam), trained on the same inputs, to show what the bitstream costs.
 */
public final class FloatReference {

    private final Params params;

    private FloatReference(Params params) {
        this.params = params;
    }

    public static FloatReference train(double[][] inputs, int[] labels, int hidden, int classes, int epochs,
                                       double learningRate, long seed, Consumer<EpochStats> progress) {
        return train(inputs, labels, Stage.twoLayer(inputs[0].length, hidden, classes), epochs, learningRate, seed,
                progress);
    }

    /** The float network of {@code stages}: ReLUs where the SC network spikes, max pools where it ORs. */
    static FloatReference train(double[][] inputs, int[] labels, List<Stage> stages, int epochs, double learningRate,
                                long seed, Consumer<EpochStats> progress) {
        Random random = new Random(seed);
        Params p = Params.initial(stages, random);
        Fitter.fit(p, inputs, labels, FloatForward.relu(inputs),
                new Fitter.Schedule("float", epochs, 32, learningRate, 1e-4), random, q -> { }, progress, null);
        return new FloatReference(p);
    }

    public int[] predict(double[][] inputs) {
        return FloatForward.relu(inputs).predict(params, inputs);
    }

    public double accuracy(double[][] inputs, int[] labels) {
        return Evaluation.accuracy(predict(inputs), labels);
    }
}
