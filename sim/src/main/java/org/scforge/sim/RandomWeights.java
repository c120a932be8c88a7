package org.scforge.sim;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.SplitMix64;

import java.util.ArrayList;
import java.util.List;

/** Networks with seeded random weights and biases, uniform over the weight code's range: for tests and benchmarks. */
public final class RandomWeights {

    private RandomWeights() {
    }

    /**
     * {@code network} with every weight and bias drawn uniformly from {@code -max .. max}; when
     * {@code zeroOneIn > 0}, one code in {@code zeroOneIn} (on average) is forced to 0 first.
     */
    public static Network uniform(Network network, SplitMix64 random, int zeroOneIn) {
        int max = (1 << network.weightBits()) - 1;
        // conv kernels first, in pipeline order: a network without conv layers draws exactly as before
        List<ImageLayer> images = new ArrayList<>();
        for (ImageLayer image : network.imageLayers()) {
            images.add(image instanceof ConvLayer conv ? conv.withKernel(drawn(conv.kernel(), random, max, zeroOneIn)) : image);
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            layers.add(drawn(layer, random, max, zeroOneIn));
        }
        return network.withImageLayers(images).withLayers(layers);
    }

    private static DenseLayer drawn(DenseLayer layer, SplitMix64 random, int max, int zeroOneIn) {
        int[][] w = new int[layer.neurons()][layer.fanIn()];
        List<Integer> bias = new ArrayList<>();
        for (int j = 0; j < layer.neurons(); j++) {
            for (int i = 0; i < layer.fanIn(); i++) {
                w[j][i] = draw(random, max, zeroOneIn);
            }
            bias.add(draw(random, max, zeroOneIn));
        }
        return layer.withWeights(IntMatrix.of(w), bias);
    }

    private static int draw(SplitMix64 random, int max, int zeroOneIn) {
        if (zeroOneIn > 0 && random.nextBelow(zeroOneIn) == 0) {
            return 0;
        }
        return (int) random.nextBelow(2L * max + 1) - max;
    }
}
