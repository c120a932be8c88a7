package org.scforge.sim.train;

import org.scforge.dsl.DenseLayer;
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

    /** The two-layer {@code template} with the quantised {@code params} and hidden threshold {@code threshold}. */
    static Network network(Network template, Params params, int threshold) {
        int bits = template.weightBits();
        DenseLayer hidden = template.layers().get(0);
        DenseLayer out = template.layers().get(1);
        int[][] w1 = new int[params.hidden][params.inputs];
        List<Integer> b1 = new ArrayList<>();
        for (int j = 0; j < params.hidden; j++) {
            for (int i = 0; i < params.inputs; i++) {
                w1[j][i] = code(params.values[params.w1(j, i)], bits);
            }
            b1.add(code(params.values[params.b1(j)], bits));
        }
        int[][] w2 = new int[params.classes][params.hidden];
        List<Integer> b2 = new ArrayList<>();
        for (int k = 0; k < params.classes; k++) {
            for (int j = 0; j < params.hidden; j++) {
                w2[k][j] = code(params.values[params.w2(k, j)], bits);
            }
            b2.add(code(params.values[params.b2(k)], bits));
        }
        NeuronModel.IntegrateAndFire neuron = ((NeuronModel.IntegrateAndFire) hidden.neuron()).threshold(threshold);
        return template.withLayers(List.of(
                hidden.withWeights(IntMatrix.of(w1), b1).withNeuron(neuron),
                out.withWeights(IntMatrix.of(w2), b2)));
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
