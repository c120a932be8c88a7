package org.scforge.sim.train;

/**
 * What a forward pass gives backpropagation for one sample: hidden activations, the slope of each hidden
 * activation with respect to its weighted input sum (straight-through where the forward pass is the
 * bitstream model), and the readout's logits together with their scale {@code temperature} (the factor
 * between logits and the readout's linear output).
 */
record Activations(double[] hidden, double[] slope, double[] logits, double temperature) {
}
