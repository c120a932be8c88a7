package org.scforge.sim.train;

import org.scforge.dsl.Network;
import org.scforge.sim.FrameCounts;
import org.scforge.sim.GoldenModel;

/**
 * The bit-exact forward pass: the parameters are quantised to codes and the batch runs through the golden
 * model. Every stage's outputs before the readout are the spike rates {@code count / L} it measured (an OR
 * pool's too: its windows' spikes are correlated, since positions share weight streams, so the independent
 * {@code 1 - prod(1 - p)} would be wrong), logits {@code temperature * count / L}. The backward pass goes
 * through the rate model (straight-through): the slope of a spiking neuron of stage {@code l} is
 * {@code 1/threshold_l} where its expected rate {@code (a . w + b) / threshold_l}, computed from the quantised
 * weights and the measured rates {@code a} of the stage before, lies in (0, 1), else 0.
 *
 * @param thresholds per stage, the spiking stages' thresholds (0 elsewhere)
 */
record BitExactForward(Network template, int[][] codes, double[][] inputs, int[] thresholds, double temperature)
        implements Forward {

    @Override
    public Activations[] run(Params params, int[] batch) {
        Network network = ScCodes.network(template, params, thresholds);
        int[][] frames = new int[batch.length][];
        for (int s = 0; s < batch.length; s++) {
            frames[s] = codes[batch[s]];
        }
        FrameCounts[] counts = GoldenModel.of(network).runAll(frames);
        Params q = ScCodes.quantised(params, network.weightBits());
        double[] gains = new double[thresholds.length];
        for (int l = 0; l < gains.length; l++) {
            gains[l] = thresholds[l] > 0 ? 1.0 / thresholds[l] : 1;
        }
        FloatForward rate = FloatForward.rate(inputs, gains);
        double length = network.length();
        Activations[] out = new Activations[batch.length];
        for (int s = 0; s < batch.length; s++) {
            int[][] layers = counts[s].layerCounts();
            double[][] measured = new double[layers.length - 1][];
            for (int l = 0; l < measured.length; l++) {
                measured[l] = new double[layers[l].length];
                for (int j = 0; j < layers[l].length; j++) {
                    measured[l][j] = layers[l][j] / length;
                }
            }
            Activations expected = rate.one(q, inputs[batch[s]], measured);
            int[] readout = counts[s].readout();
            double[] logits = new double[readout.length];
            for (int k = 0; k < readout.length; k++) {
                logits[k] = temperature * readout[k] / length;
            }
            out[s] = new Activations(measured, expected.slopes(), logits, temperature);
        }
        return out;
    }
}
