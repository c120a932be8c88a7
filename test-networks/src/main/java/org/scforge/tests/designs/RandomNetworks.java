package org.scforge.tests.designs;

import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.NetworkBuilder;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Synapse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random networks for co-simulation properties: random sizes, code widths and signedness, source
 * kinds (LFSR, van der Corput, Sobol) and seeds, integrate-and-fire parameters including leak, synapse
 * kinds (about a third of the layers xnor), and random weights. Small enough to build in seconds: a few inputs and neurons, L from 8 to 64. One seed, one network.
 */
public final class RandomNetworks {

    private RandomNetworks() {
    }

    public static Network of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int inputBits = 1 + r.nextInt(6);
        Code code = r.nextBoolean() ? Code.signMagnitude(inputBits) : Code.unsigned(inputBits);
        int weightBits = 1 + r.nextInt(6);
        int hidden = 1 + r.nextInt(2);
        List<Synapse> synapses = new ArrayList<>();
        for (int l = 0; l <= hidden; l++) {
            synapses.add(r.nextInt(3) == 0 ? Synapse.XNOR : Synapse.AND);
        }
        // xnor layers compare offset codes one bit wider than the codes (docs/semantics.md section 5.2)
        int inputNeed = code.signed() ? synapses.get(0).comparedBits(inputBits) : inputBits;
        int weightNeed = synapses.contains(Synapse.XNOR) ? weightBits + 1 : weightBits;
        int width = Math.max(Math.max(inputNeed, weightNeed), 2) + r.nextInt(4);
        int length = 8 + r.nextInt(57);
        int sourceKind = r.nextInt(3);
        SourcePlan plan = sourceKind == 0 ? SourcePlan.lfsr(width, r.nextLong(1, 1000))
                : SourcePlan.lowDiscrepancy(width, r.nextLong(1, 1000));
        NetworkBuilder builder = Network.named("rnd" + Long.toHexString(seed & 0xffffffL))
                .inputs(1 + r.nextInt(4), code).weights(weightBits).bitstream(length).sources(plan);
        for (int l = 0; l < hidden; l++) {
            builder.dense("h" + l, 1 + r.nextInt(4), neuron(r), synapses.get(l));
        }
        builder.dense("out", 1 + r.nextInt(3), Neuron.counter(), synapses.get(hidden));
        Network network = builder.build();
        if (sourceKind == 2) {
            network = withVanDerCorputInputs(network);
        }
        return TestNetworks.withSeededWeights(network, r.nextLong());
    }

    private static NeuronModel neuron(SplittableRandom r) {
        int threshold = 1 + r.nextInt(8);
        return new NeuronModel.IntegrateAndFire(threshold, -r.nextInt(9), r.nextInt(9), r.nextInt(4));
    }

    /** The inputs read a van der Corput source instead of Sobol dimension 1. */
    private static Network withVanDerCorputInputs(Network n) {
        List<Source> sources = new ArrayList<>();
        for (Source s : n.sources()) {
            sources.add(s.name().equals(n.inputPlan().source()) ? new Source.VanDerCorput(s.name(), s.width()) : s);
        }
        return new Network(n.name(), n.inputs(), n.inputCode(), n.weightBits(), n.length(), sources, n.inputPlan(),
                n.layers());
    }

    /** The same network with every integrate-and-fire threshold one higher: a deliberately wrong design. */
    public static Network withThresholdsRaised(Network n) {
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : n.layers()) {
            if (layer.neuron() instanceof NeuronModel.IntegrateAndFire f) {
                layers.add(layer.withNeuron(new NeuronModel.IntegrateAndFire(f.threshold() + 1, f.floor(), f.ceiling(),
                        f.leakShift())));
            } else {
                layers.add(layer);
            }
        }
        return n.withLayers(layers);
    }
}
