package org.scforge.sim;

/**
 * The result of one frame: per layer and neuron, the number of spikes over the frame (integrate-and-fire
 * layers) or the signed count (the readout, last layer); and the predicted class.
 */
public record FrameCounts(int[][] layerCounts, int predictedClass) {

    /** The readout's signed counts. */
    public int[] readout() {
        return layerCounts[layerCounts.length - 1];
    }
}
