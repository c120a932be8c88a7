package org.scforge.dsl;

import java.util.List;
import java.util.Optional;

/**
 * A fully connected layer: {@code neurons} neurons, each with one signed weight code per input
 * ({@code weights}: neurons x fanIn) and a signed bias code (a synapse whose input is always 1), and
 * the kind of its synapses ({@link Synapse#AND} unless stated), and optionally the rule by which its
 * weights learn during frames run with learning on (docs/semantics.md, section 12).
 */
public record DenseLayer(String name, int neurons, NeuronModel neuron, IntMatrix weights, List<Integer> bias,
                         WeightPlan plan, Synapse synapse, Optional<Stdp> learning) {

    public DenseLayer {
        bias = List.copyOf(bias);
        // null is no rule, as absent is in the model file: a layer built field by field need not say it
        learning = learning == null ? Optional.empty() : learning;
    }

    /** A layer that does not learn. */
    public DenseLayer(String name, int neurons, NeuronModel neuron, IntMatrix weights, List<Integer> bias,
                      WeightPlan plan, Synapse synapse) {
        this(name, neurons, neuron, weights, bias, plan, synapse, Optional.empty());
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

    /** True when the layer has a learning rule (whether a frame learns is chosen per frame). */
    public boolean learns() {
        return learning.isPresent();
    }

    public DenseLayer withWeights(IntMatrix newWeights, List<Integer> newBias) {
        return new DenseLayer(name, neurons, neuron, newWeights, newBias, plan, synapse, learning);
    }

    public DenseLayer withNeuron(NeuronModel newNeuron) {
        return new DenseLayer(name, neurons, newNeuron, weights, bias, plan, synapse, learning);
    }

    public DenseLayer withSynapse(Synapse newSynapse) {
        return new DenseLayer(name, neurons, neuron, weights, bias, plan, newSynapse, learning);
    }

    /** This layer with the learning rule {@code rule}, or without one when it is null. */
    public DenseLayer withLearning(Stdp rule) {
        return new DenseLayer(name, neurons, neuron, weights, bias, plan, synapse, Optional.ofNullable(rule));
    }
}
