package org.scforge.dsl;

/** Factories for neuron models, so that a layer reads {@code dense("hidden", 128, Neuron.integrateAndFire(8))}. */
public final class Neuron {

    private Neuron() {
    }

    /** Integrate-and-fire, subtractive reset, membrane saturating at {@code [-threshold, threshold - 1]}, no leak. */
    public static NeuronModel.IntegrateAndFire integrateAndFire(int threshold) {
        return new NeuronModel.IntegrateAndFire(threshold, -threshold, threshold - 1, 0);
    }

    /** Integrate-and-fire with threshold 8. */
    public static NeuronModel.IntegrateAndFire integrateAndFire() {
        return integrateAndFire(8);
    }

    /** A signed counting readout. */
    public static NeuronModel.Counter counter() {
        return new NeuronModel.Counter();
    }
}
