package org.scforge.generators;

import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.LfsrTaps;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Synapse;
import org.scforge.dsl.WeightPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random valid networks: sizes, code widths and signedness, source kinds (lfsr, vdc, sobol, one
 * of them sometimes shared by two layers), neuron parameters including leak, synapse kinds (about a
 * third of the layers xnor).
 */
final class RandomNetworks {

    private RandomNetworks() {
    }

    static Network draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int inputs = r.nextInt(1, 6);
        Code code = r.nextBoolean() ? Code.signMagnitude(r.nextInt(1, 5)) : Code.unsigned(r.nextInt(1, 5));
        int weightBits = r.nextInt(1, 5);
        int length = r.nextInt(1, 40);
        int hiddenLayers = r.nextInt(0, 3);
        List<Synapse> synapses = new ArrayList<>();
        for (int l = 0; l <= hiddenLayers; l++) {
            synapses.add(r.nextInt(3) == 0 ? Synapse.XNOR : Synapse.AND);
        }
        // xnor layers compare one bit more (docs/semantics.md section 5.2): every source is wide enough for all
        int widest = Math.max(code.signed() ? synapses.get(0).comparedBits(code.magnitudeBits()) : code.magnitudeBits(),
                synapses.contains(Synapse.XNOR) ? weightBits + 1 : weightBits);
        List<Source> sources = new ArrayList<>();
        sources.add(source(r, "src_in", widest));
        int fanIn = inputs;
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l <= hiddenLayers; l++) {
            boolean readout = l == hiddenLayers;
            String name = readout ? "out" : "h" + l;
            String sourceName;
            if (l > 0 && r.nextInt(4) == 0) {
                sourceName = sources.get(sources.size() - 1).name(); // shared with the previous layer
            } else {
                sourceName = "src_" + name;
                sources.add(source(r, sourceName, widest));
            }
            int neurons = r.nextInt(1, 5);
            NeuronModel neuron = readout ? Neuron.counter()
                    : new NeuronModel.IntegrateAndFire(r.nextInt(1, 7), -r.nextInt(0, 7), r.nextInt(0, 7), r.nextInt(0, 4));
            int max = (1 << weightBits) - 1;
            int[][] weights = new int[neurons][fanIn];
            List<Integer> bias = new ArrayList<>();
            for (int j = 0; j < neurons; j++) {
                for (int i = 0; i < fanIn; i++) {
                    weights[j][i] = r.nextInt(-max, max + 1);
                }
                bias.add(r.nextInt(-max, max + 1));
            }
            layers.add(new DenseLayer(name, neurons, neuron, IntMatrix.of(weights), bias,
                    new WeightPlan(sourceName, masks(r, neurons, weightBits), masks(r, fanIn + 1, weightBits)),
                    synapses.get(l)));
            fanIn = neurons;
        }
        return new Network("rnd" + Long.toHexString(seed & 0xffff), inputs, code, weightBits, length, sources,
                new InputPlan("src_in", masks(r, inputs, code.magnitudeBits())), layers);
    }

    private static Source source(SplittableRandom r, String name, int minWidth) {
        int width = minWidth + r.nextInt(0, 4);
        switch (r.nextInt(3)) {
            case 0:
                int w = Math.max(width, LfsrTaps.MIN_WIDTH);
                return Source.Lfsr.maximal(name, w, r.nextLong(1, 1L << w));
            case 1:
                return new Source.VanDerCorput(name, width);
            default:
                return new Source.Sobol(name, width, r.nextInt(1, 8));
        }
    }

    private static List<Integer> masks(SplittableRandom r, int count, int bits) {
        List<Integer> masks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            masks.add(r.nextInt(0, 1 << bits));
        }
        return masks;
    }
}
