package org.scforge.sim.learn;

import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.SplitMix64;
import org.scforge.dsl.Stdp;

import java.util.Collections;
import java.util.List;

/**
 * The network of the STDP example before it learns: the pixels as unsigned codes, a learning layer
 * {@value #FEATURES} of integrate-and-fire neurons with winner-take-all (docs/semantics.md, section 12) and
 * seeded random weights, and a counter readout {@value #READOUT} whose weights are zero until the labels are
 * assigned ({@link LabelAssignment#readoutWeights}).
 */
public final class StdpNetwork {

    /** The learning layer's name. */
    public static final String FEATURES = "features";
    /** The readout's name. */
    public static final String READOUT = "out";
    /** The learning source's name; the builder adds it as a Sobol source of its own. */
    public static final String LEARNING_SOURCE = "src_learn";

    private StdpNetwork() {
    }

    /**
     * The rule {@code options} describe: potentiation and depression within {@code -max .. max}, winner-take-all,
     * and, with a homeostasis step, adaptive thresholds that start at offset 0.
     */
    public static Stdp rule(StdpOptions options) {
        Stdp rule = Stdp.stochastic(LEARNING_SOURCE, options.window(), options.probabilityBits(), options.pPlus(),
                options.pMinus(), 1, -options.maxCode(), options.maxCode()).withWta(true);
        return options.homeostasisStep() == 0 ? rule : rule.withHomeostasis(Stdp.Homeostasis.of(
                options.homeostasisStep(), options.decayFrames(), options.homeostasisLimit()));
    }

    /**
     * The untrained network for {@code inputs} codes of {@code inputCode} and {@code classes} classes: the learning
     * layer's weights uniform in {@code 0 .. initialMax} from the seed, biases 0, the readout all 0.
     */
    public static Network template(StdpOptions options, int inputs, Code inputCode, int classes) {
        // the floor is 0, as winner-take-all resets the losers to it; the ceiling lets a membrane hold what the
        // largest threshold (base plus homeostasis offset) needs
        Network network = Network.named("stdp").inputs(inputs, inputCode).weights(options.weightBits())
                .bitstream(options.length()).sources(SourcePlan.lowDiscrepancy(16, options.seed()))
                .dense(FEATURES, options.neurons(), Neuron.integrateAndFire(options.threshold()).floor(0)
                        .ceiling(options.threshold() + options.homeostasisLimit()))
                .learning(rule(options))
                .dense(READOUT, classes, Neuron.counter())
                .build();
        // a stream of its own: the plan draws its masks from SplitMix64(seed), and the weights must not repeat them
        SplitMix64 random = new SplitMix64(options.seed() ^ 0x57d9L);
        DenseLayer features = network.layers().get(0);
        int[][] w = new int[features.neurons()][features.fanIn()];
        for (int[] row : w) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (int) random.nextBelow(options.initialMax() + 1L);
            }
        }
        return network.withLayers(List.of(features.withWeights(IntMatrix.of(w), Collections.nCopies(features.neurons(), 0)),
                network.layers().get(1)));
    }

    /** {@code network} with the readout's weights {@code weights} ({@code [class][feature neuron]}) and zero biases. */
    public static Network withReadout(Network network, IntMatrix weights) {
        DenseLayer readout = network.readout();
        return network.withLayers(List.of(network.layers().get(0),
                readout.withWeights(weights, Collections.nCopies(readout.neurons(), 0))));
    }
}
