package org.scforge.sim.train;

import java.util.Random;
import java.util.function.Consumer;

/**
 * The float reference: an MLP of the same shape as the SC network (inputs -> hidden ReLU -> classes, softmax
 * cross-entropy, Adam), trained on the same inputs, to show what the bitstream costs.
 */
public final class FloatReference {

    private final Params params;

    private FloatReference(Params params) {
        this.params = params;
    }

    public static FloatReference train(double[][] inputs, int[] labels, int hidden, int classes, int epochs,
                                       double learningRate, long seed, Consumer<EpochStats> progress) {
        Random random = new Random(seed);
        Params p = Params.initial(inputs[0].length, hidden, classes, random);
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
