package org.scforge.sim;

import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SplitMix64;

/**
 * The golden model's speed workload (docs/benchmarks.md, "Golden model"): the MNIST-shaped 50-128-10
 * network (sm8 inputs, 8-bit weights, L = 512, the default source plan, integrate-and-fire threshold 8,
 * a counter readout) with uniform random weights and biases (SplitMix64 seed 42) and a batch of random
 * frames. The JMH benchmark and {@code scforge bench} both run it, so their figures are of one workload.
 *
 * @param model  the golden model of the network
 * @param frames the batch, 50 codes in -255..255 each
 */
public record ThroughputWorkload(GoldenModel model, int[][] frames) {

    /** Steps per frame. */
    public static final int LENGTH = 512;

    public ThroughputWorkload {
        frames = copy(frames);
    }

    /** The workload with {@code batch} frames. */
    public static ThroughputWorkload mnistShaped(int batch) {
        Network shape = Network.named("bench")
                .inputs(50, Code.signMagnitude(8))
                .weights(8)
                .bitstream(LENGTH)
                .dense("hidden", 128, Neuron.integrateAndFire(8))
                .dense("out", 10, Neuron.counter())
                .build();
        SplitMix64 random = new SplitMix64(42);
        GoldenModel model = GoldenModel.of(RandomWeights.uniform(shape, random, 0));
        int[][] frames = new int[batch][50];
        for (int[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (int) random.nextBelow(511) - 255;
            }
        }
        return new ThroughputWorkload(model, frames);
    }

    /** The frames, a copy: a caller that writes into it does not change the workload. */
    @Override
    public int[][] frames() {
        return copy(frames);
    }

    private static int[][] copy(int[][] frames) {
        int[][] copy = new int[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            copy[i] = frames[i].clone();
        }
        return copy;
    }
}
