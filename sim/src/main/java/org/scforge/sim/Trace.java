package org.scforge.sim;

import java.util.List;

/**
 * Everything observable in one frame, step by step: for each layer and step, each neuron's input sum,
 * spike and register value after the step (membrane for integrate-and-fire, count for the readout); and,
 * in a frame run with learning on (docs/semantics.md, section 12), every weight update in the order made.
 */
public record Trace(List<LayerTrace> layers, int[] readoutCounts, int predictedClass, List<WeightUpdate> weightUpdates) {

    public Trace {
        layers = List.copyOf(layers);
        weightUpdates = List.copyOf(weightUpdates);
    }

    /** A frame without learning: no weight updates. */
    public Trace(List<LayerTrace> layers, int[] readoutCounts, int predictedClass) {
        this(layers, readoutCounts, predictedClass, List.of());
    }

    /**
     * Arrays indexed {@code [step][neuron]}.
     *
     * @param sums    the per-step input sum S
     * @param spikes  1 where the neuron spiked at that step (always 0 for a counter)
     * @param state   the register after the step: membrane v, or the running count
     */
    public record LayerTrace(String layer, int[][] sums, int[][] spikes, long[][] state) {
    }

    /**
     * One update of section 12.3, step 5: at step {@code step}, weight {@code (neuron, input)} of layer
     * {@code layer} went from {@code oldCode} to {@code newCode}, up ({@code potentiation}) or down; the two
     * codes are equal when the weight sat at its bound.
     */
    public record WeightUpdate(String layer, int step, int neuron, int input, int oldCode, int newCode,
                               boolean potentiation) {
    }
}
