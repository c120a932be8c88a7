package org.scforge.tests;

import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.dsl.Stdp;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.DutSources;
import org.scforge.harness.ModelBuilder;
import org.scforge.harness.Simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** Learning networks of the module tests (docs/semantics.md section 12, docs/rtl.md "Learning layers"). */
final class LearningNetworks {

    private LearningNetworks() {
    }

    /**
     * {@code learner16}: 16 {@code u4} inputs, a learning layer {@code features} of 8 integrate-and-fire neurons
     * (threshold 4) with winner-take-all (window 4, kp = 4, pPlus 10/16, pMinus 3/16, step 1, codes -7 .. 7), a
     * readout of 4 counters; L = 32, weights {@code sm3} drawn from seed 16 (features 0 .. 7, so that neurons
     * spike and learn; readout -7 .. 7).
     */
    static Network learner16() {
        Network plain = Network.named("learner16").inputs(16, Code.unsigned(4)).weights(3).bitstream(32)
                .sources(SourcePlan.lowDiscrepancy(8, 1))
                .dense("features", 8, Neuron.integrateAndFire(4))
                .learning(Stdp.stochastic("learn_features", 4, 4, 10, 3, 1, -7, 7).withWta(true))
                .dense("out", 4, Neuron.counter()).build();
        SplittableRandom r = new SplittableRandom(16);
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : plain.layers()) {
            int low = layer.learns() ? 0 : -7;
            int[][] weights = new int[layer.neurons()][layer.fanIn()];
            for (int[] row : weights) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.nextInt(low, 8);
                }
            }
            layers.add(layer.withWeights(IntMatrix.of(weights), Collections.nCopies(layer.neurons(), 0)));
        }
        return plain.withLayers(layers);
    }

    /**
     * {@code adaptive16}: {@link #learner16} with homeostasis on {@code features} (docs/semantics.md section 12.5):
     * each spike raises the neuron's threshold offset by 1, to at most 6, and every offset drops by 1 after every
     * learning frame.
     */
    static Network adaptive16() {
        Network learner = learner16();
        DenseLayer features = learner.layers().get(0);
        return learner.withLayers(List.of(features.withLearning(features.learning().orElseThrow()
                .withHomeostasis(Stdp.Homeostasis.of(1, 1, 6))), learner.layers().get(1)));
    }

    /** The Verilator model of {@code design}, started and held in {@code rst} for one edge, as a learning run begins. */
    static BridgeDut resetInVerilator(DutSources design) {
        BridgeDut dut = BridgeDut.start(ModelBuilder.standard().build(design, Simulator.VERILATOR, false), null);
        dut.poke("rst", 1);
        dut.step(1);
        dut.poke("rst", 0);
        return dut;
    }
}
