package org.scforge.tests.designs;

import org.scforge.dsl.Code;
import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Synapse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fixed networks that tests use by name. A module of their own, compiled before the tests module, because the
 * tests module's typed drivers are generated from them before its tests compile (harness-junit's WriteDrivers).
 */
public final class TestNetworks {

    private TestNetworks() {
    }

    /** 3 signed inputs, 4 leaky integrate-and-fire neurons, 3 classes, L = 32; seeded random weights. */
    public static Network tinyMlp() {
        Network net = Network.named("tiny_mlp")
                .inputs(3, Code.signMagnitude(4))
                .weights(4)
                .bitstream(32)
                .sources(SourcePlan.lowDiscrepancy(8, 5))
                .dense("hidden", 4, Neuron.integrateAndFire(3).leakShift(2))
                .dense("out", 3, Neuron.counter())
                .build();
        return withSeededWeights(net, 11);
    }

    /** The MNIST shape (50-128-10, L = 512, sm8 inputs, 8-bit weights) with seeded random weights. */
    public static Network mnistShaped() {
        Network net = Network.named("mnist")
                .inputs(50, Code.signMagnitude(8))
                .weights(8)
                .bitstream(512)
                .sources(SourcePlan.lowDiscrepancy())
                .dense("hidden", 128, Neuron.integrateAndFire(8))
                .dense("out", 10, Neuron.counter())
                .build();
        return withSeededWeights(net, 1);
    }

    /** 6 signed inputs, 12 integrate-and-fire neurons, 4 classes, both layers xnor (bipolar), L = 128. */
    public static Network bipolarSmall() {
        Network net = Network.named("bipolar_small")
                .inputs(6, Code.signMagnitude(6))
                .weights(6)
                .bitstream(128)
                .sources(SourcePlan.lowDiscrepancy())
                .dense("hidden", 12, Neuron.integrateAndFire(6), Synapse.XNOR)
                .dense("out", 4, Neuron.counter(), Synapse.XNOR)
                .build();
        return withSeededWeights(net, 3);
    }

    /**
     * The MNIST conv shape of issue 15 (docs/benchmarks.md, "Conv layer on raw pixels"): a 28x28 image of u8 codes,
     * 8 channels of 5x5 at stride 2 (12x12x8), a readout of 10, L = 128, sm4 weights; seeded random weights.
     */
    public static Network convMnistShaped() {
        Network net = Network.named("convmnist")
                .image(28, 28, 1, Code.unsigned(8))
                .weights(4)
                .bitstream(128)
                .sources(SourcePlan.lowDiscrepancy(10, 1))
                .conv("c1", 8, 5, 2, 0, Neuron.integrateAndFire(8))
                .dense("out", 10, Neuron.counter())
                .build();
        return withSeededWeights(net, 7);
    }

    static Network withSeededWeights(Network n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ImageLayer> images = new ArrayList<>();
        for (ImageLayer image : n.imageLayers()) {
            images.add(image instanceof ConvLayer conv ? conv.withKernel(seeded(conv.kernel(), n.weightBits(), r)) : image);
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : n.layers()) {
            layers.add(seeded(layer, n.weightBits(), r));
        }
        return n.withImageLayers(images).withLayers(layers);
    }

    /** {@code layer} with weights uniform in the code's range and biases in a quarter of it, drawn from {@code r}. */
    private static DenseLayer seeded(DenseLayer layer, int weightBits, SplittableRandom r) {
        int max = (1 << weightBits) - 1;
        int[][] w = new int[layer.neurons()][layer.fanIn()];
        List<Integer> bias = new ArrayList<>();
        for (int j = 0; j < layer.neurons(); j++) {
            for (int i = 0; i < layer.fanIn(); i++) {
                w[j][i] = r.nextInt(-max, max + 1);
            }
            bias.add(r.nextInt(-max / 4, max / 4 + 1));
        }
        return layer.withWeights(IntMatrix.of(w), bias);
    }
}
