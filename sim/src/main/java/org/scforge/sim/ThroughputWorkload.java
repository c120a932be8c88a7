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
 * @param frames the batch, 50 codes in -255..255 each (784 in 0..255 for {@link #convShaped})
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

    /** Steps per frame of {@link #convShaped}: the length issue 15 trains conv networks at. */
    public static final int CONV_LENGTH = 128;

    /**
     * The conv workload (docs/benchmarks.md, "Conv layers"): raw 28 x 28 u8 pixels, a conv layer of 8
     * channels, 5 x 5 kernels, stride 2 (12 x 12 x 8 = 1,152 integrate-and-fire neurons, threshold 8),
     * a counter readout of 10, 8-bit weights, L = {@value #CONV_LENGTH}, uniform random weights (seed 42)
     * and a batch of random images.
     */
    public static ThroughputWorkload convShaped(int batch) {
        Network shape = Network.named("convbench")
                .image(28, 28, 1, Code.unsigned(8))
                .weights(8)
                .bitstream(CONV_LENGTH)
                .conv("conv", 8, 5, 2, 0, Neuron.integrateAndFire(8))
                .dense("out", 10, Neuron.counter())
                .build();
        SplitMix64 random = new SplitMix64(42);
        GoldenModel model = GoldenModel.of(RandomWeights.uniform(shape, random, 0));
        int[][] frames = new int[batch][shape.inputs()];
        for (int[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = (int) random.nextBelow(256);
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
