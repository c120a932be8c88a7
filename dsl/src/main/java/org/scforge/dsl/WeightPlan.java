package org.scforge.dsl;

import java.util.List;

/**
 * Which source a layer's weight SNGs read and with which masks: the SNG of neuron {@code j}, input
 * {@code i} compares {@code |w[j][i]|} with {@code top(source) XOR neuronMasks[j] XOR inputMasks[i]}.
 * The bias of neuron {@code j} uses {@code inputMasks[fanIn]}. The weight source must differ from the
 * source of the layer's inputs: a weight stream correlated with its input stream multiplies wrongly.
 */
public record WeightPlan(String source, List<Integer> neuronMasks, List<Integer> inputMasks) {
    public WeightPlan {
        neuronMasks = List.copyOf(neuronMasks);
        inputMasks = List.copyOf(inputMasks);
    }
}
