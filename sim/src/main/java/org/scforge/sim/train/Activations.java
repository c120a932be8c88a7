package org.scforge.sim.train;

/**
 * What a forward pass gives backpropagation for one sample: the output of every stage before the readout,
 * their slopes (a spiking stage's per neuron, with respect to its weighted input sum, straight-through where
 * the forward pass is the bitstream model; a pool's per output and window tap, with respect to that input),
 * and the readout's logits together with their scale {@code temperature} (the factor between logits and the
 * readout's linear output).
 */
record Activations(double[][] outputs, double[][] slopes, double[] logits, double temperature) {

    /** The readout's inputs. */
    double[] hidden() {
        return outputs[outputs.length - 1];
    }

    /** The slopes of the stage before the readout. */
    double[] slope() {
        return slopes[slopes.length - 1];
    }
}
