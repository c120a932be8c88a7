package org.scforge.sim.train;

/** A forward pass over a batch of training samples (indices into the training set), for backpropagation. */
@FunctionalInterface
interface Forward {
    Activations[] run(Params params, int[] batch);
}
