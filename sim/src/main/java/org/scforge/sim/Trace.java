package org.scforge.sim;

import java.util.List;

/**
 * Everything observable in one frame, step by step: for each layer and step, each neuron's input sum,
 * spike and register value after the step (membrane for integrate-and-fire, count for the readout).
 */
public record Trace(List<LayerTrace> layers, int[] readoutCounts, int predictedClass) {

    /**
     * Arrays indexed {@code [step][neuron]}.
     *
     * @param sums    the per-step input sum S
     * @param spikes  1 where the neuron spiked at that step (always 0 for a counter)
     * @param state   the register after the step: membrane v, or the running count
     */
    public record LayerTrace(String layer, int[][] sums, int[][] spikes, long[][] state) {
    }
}
