package org.scforge.sim.train;

import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Between float parameters and a network's integer codes. A float weight {@code w} stands for the bitstream
 * probability {@code |code| / 2^weightBits}; its code is {@code round(w * 2^weightBits)}, clipped to the
 * largest magnitude. Inputs likewise: {@code code / 2^k}.
 */
final class ScCodes {

    private ScCodes() {
    }

    static int code(double value, int bits) {
        int max = (1 << bits) - 1;
        return (int) Math.max(-max, Math.min(max, Math.round(value * (1 << bits))));
    }

    /** The largest float weight a code can carry. */
    static double largest(int bits) {
        return ((1 << bits) - 1) / (double) (1 << bits);
    }

    /** Input codes as the probabilities (with sign) their bitstreams carry. */
    static double[][] inputs(int[][] codes, int bits) {
        double unit = 1 << bits;
        double[][] out = new double[codes.length][];
        for (int n = 0; n < codes.length; n++) {
            out[n] = new double[codes[n].length];
            for (int i = 0; i < codes[n].length; i++) {
                out[n][i] = codes[n][i] / unit;
            }
        }
        return out;
    }

    /**
     * {@code template} with the quantised {@code params}: every conv kernel and dense layer its codes, and each
     * spiking stage {@code l} the threshold {@code thresholds[l]}.
     */
    static Network network(Network template, Params params, int[] thresholds) {
        List<ImageLayer> images = new ArrayList<>();
        int l = 0;
        for (ImageLayer image : template.imageLayers()) {
            images.add(image instanceof ConvLayer conv ? conv.withKernel(coded(conv.kernel(), params, l, thresholds[l],
                    template.weightBits())) : image);
            l++;
        }
        List<DenseLayer> dense = new ArrayList<>();
        for (DenseLayer layer : template.layers()) {
            dense.add(coded(layer, params, l, l == params.readout() ? 0 : thresholds[l], template.weightBits()));
            l++;
        }
        Network coded = template.withLayers(dense);
        return images.isEmpty() ? coded : coded.withImageLayers(images);
    }

    /** {@code layer} with stage {@code l}'s codes and, when {@code threshold > 0}, that threshold. */
    private static DenseLayer coded(DenseLayer layer, Params params, int l, int threshold, int bits) {
        Stage stage = params.stages.get(l);
        int[][] w = new int[stage.rows()][stage.fanIn()];
        List<Integer> b = new ArrayList<>();
        for (int j = 0; j < stage.rows(); j++) {
            for (int i = 0; i < stage.fanIn(); i++) {
                w[j][i] = code(params.values[params.weight(l, j, i)], bits);
            }
            b.add(code(params.values[params.bias(l, j)], bits));
        }
        DenseLayer out = layer.withWeights(IntMatrix.of(w), b);
        return threshold > 0 ? out.withNeuron(((NeuronModel.IntegrateAndFire) layer.neuron()).threshold(threshold)) : out;
    }

    /** {@code params} rounded to what the codes can carry (so the rate model sees the quantised weights). */
    static Params quantised(Params params, int bits) {
        Params q = params.copy();
        double unit = 1 << bits;
        for (int n = 0; n < q.values.length; n++) {
            q.values[n] = code(q.values[n], bits) / unit;
        }
        return q;
    }
}
