package org.scforge.dsl;

import java.util.List;

/**
 * A fully connected layer: {@code neurons} neurons, each with one signed weight code per input
 * ({@code weights}: neurons x fanIn) and a signed bias code (a synapse whose input is always 1), and
 * the kind of its synapses ({@link Synapse#AND} unless stated).
 */
public record DenseLayer(String name, int neurons, NeuronModel neuron, IntMatrix weights, List<Integer> bias,
                         WeightPlan plan, Synapse synapse) {

    public DenseLayer {
        bias = List.copyOf(bias);
    }

    /** A layer of AND synapses. */
    public DenseLayer(String name, int neurons, NeuronModel neuron, IntMatrix weights, List<Integer> bias,
                      WeightPlan plan) {
        this(name, neurons, neuron, weights, bias, plan, Synapse.AND);
    }

    public boolean isXnor() {
        return synapse == Synapse.XNOR;
    }

    public int fanIn() {
        return weights.cols();
    }

    public boolean isReadout() {
        return neuron instanceof NeuronModel.Counter;
    }

    public DenseLayer withWeights(IntMatrix newWeights, List<Integer> newBias) {
        return new DenseLayer(name, neurons, neuron, newWeights, newBias, plan, synapse);
    }

    public DenseLayer withNeuron(NeuronModel newNeuron) {
        return new DenseLayer(name, neurons, newNeuron, weights, bias, plan, synapse);
    }

    public DenseLayer withSynapse(Synapse newSynapse) {
        return new DenseLayer(name, neurons, neuron, weights, bias, plan, newSynapse);
    }
}
