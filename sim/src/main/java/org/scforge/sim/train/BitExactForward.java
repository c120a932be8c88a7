package org.scforge.sim.train;

import org.scforge.dsl.Network;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;

/**
 * The bit-exact forward pass: the parameters are quantised to codes and the batch runs through the golden
 * model. Hidden activations are spike rates {@code count / L}, logits {@code temperature * count / L}.
 * The backward pass goes through the rate model (straight-through): the slope of hidden unit {@code j} is
 * {@code 1/threshold} where its expected rate {@code (x . w_j + b_j) / threshold}, computed from the quantised
 * weights, lies in (0, 1), else 0.
 */
record BitExactForward(Network template, int[][] codes, double[][] inputs, int threshold, double temperature)
        implements Forward {

    @Override
    public Activations[] run(Params params, int[] batch) {
        Network network = ScCodes.network(template, params, threshold);
        int[][] frames = new int[batch.length][];
        for (int s = 0; s < batch.length; s++) {
            frames[s] = codes[batch[s]];
        }
        FrameCounts[] counts = GoldenModel.of(network).runAll(frames);
        Params q = ScCodes.quantised(params, network.weightBits());
        FloatForward rate = FloatForward.rate(inputs, 1.0 / threshold);
        double length = network.length();
        Activations[] out = new Activations[batch.length];
        for (int s = 0; s < batch.length; s++) {
            Activations expected = rate.one(q, inputs[batch[s]]);
            int[] spikes = counts[s].layerCounts()[0];
            int[] readout = counts[s].readout();
            double[] hidden = new double[spikes.length];
            for (int j = 0; j < spikes.length; j++) {
                hidden[j] = spikes[j] / length;
            }
            double[] logits = new double[readout.length];
            for (int k = 0; k < readout.length; k++) {
                logits[k] = temperature * readout[k] / length;
            }
            out[s] = new Activations(hidden, expected.slope(), logits, temperature);
        }
        return out;
    }
}
