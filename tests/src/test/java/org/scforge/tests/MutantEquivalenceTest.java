package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.ModelDocument;
import org.scforge.dsl.ModelFile;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.sim.ReferenceSimulator;
import org.scforge.sim.SourceSequence;
import org.scforge.sim.Trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasons docs/cosim.md gives for the mutation campaigns' last survivors, checked: which mutants are
 * equivalent and why, and the one input that tells a near-equivalent one apart (so the model's test frames
 * carry it). Exhaustive over the inputs where they are few, with the reference simulator.
 */
class MutantEquivalenceTest {

    private static final Path LEAKY = Path.of("src/test/resources/mutation/leaky_4433.json");

    /** Every input of a network with {@code k} inputs coded from {@code lo} to {@code hi}, in counting order. */
    private static List<int[]> allInputs(int k, int lo, int hi) {
        List<int[]> all = new ArrayList<>();
        int[] c = new int[k];
        Arrays.fill(c, lo);
        while (true) {
            all.add(c.clone());
            int i = 0;
            while (i < k && c[i] == hi) {
                c[i++] = lo;
            }
            if (i == k) {
                return all;
            }
            c[i]++;
        }
    }

    @Test
    void theReadoutMaskMutantOfLeaky4433DiffersOnOneInputOnlyAndTheModelsTestFramesHoldIt() throws Exception {
        ModelDocument document = ModelFile.load(LEAKY);
        Network network = document.network();
        // mutant #94 of the seed-1 campaign: lane_1_WORD 19'h55177 -> 19'h55137, out neuron 1's weight from
        // h2 neuron 2 of magnitude 5 -> 4; it differs only when that spike meets the weight source's number 4
        DenseLayer out = network.readout();
        int[][] weights = out.weights().toArray();
        assertThat(weights[1][2]).isEqualTo(-5);
        weights[1][2] = -4;
        List<DenseLayer> layers = new ArrayList<>(network.layers());
        layers.set(layers.size() - 1, out.withWeights(IntMatrix.of(weights), out.bias()));
        ReferenceSimulator original = new ReferenceSimulator(network);
        ReferenceSimulator mutant = new ReferenceSimulator(network.withLayers(layers));
        List<String> differing = new ArrayList<>();
        for (int[] codes : allInputs(network.inputs(), -7, 7)) {
            Trace a = original.run(codes);
            Trace b = mutant.run(codes);
            Trace.LayerTrace ra = a.layers().get(a.layers().size() - 1);
            Trace.LayerTrace rb = b.layers().get(b.layers().size() - 1);
            if (!Arrays.deepEquals(ra.state(), rb.state()) || a.predictedClass() != b.predictedClass()) {
                differing.add(Arrays.toString(codes));
            }
        }
        assertThat(differing).as("of all 15^4 inputs").containsExactly("[7, -7, -7, -1]");
        assertThat(document.testFrames().orElseThrow().codes()).contains(List.of(7, -7, -7, -1));
    }

    @Test
    void aWiderLfsrWhoseExtraBitIsNeverTappedGivesTheSameLowBits() {
        // mutants `.WIDTH(4)` -> `.WIDTH(5)` of an LFSR source (xnor_lfsr, leaky_4433 #84): TAP_MASK and SEED
        // are zero-extended, the new top bit is shifted into but never tapped, and the 4-bit wire it drives
        // keeps the low bits, which step exactly as the 4-bit register does
        for (long seed = 1; seed < 16; seed++) {
            long[] narrow = SourceSequence.values(new Source.Lfsr("s", 4, List.of(4, 3), seed), 64);
            long[] wide = SourceSequence.values(new Source.Lfsr("s", 5, List.of(4, 3), seed), 64);
            for (int t = 0; t < 64; t++) {
                assertThat(wide[t] & 0xf).as("seed %d, step %d", seed, t).isEqualTo(narrow[t]);
            }
        }
    }

    @Test
    void onLeaky4433NoInputReachesTheCeilingClampOrFourSameSignTermsOfH1Neuron2AndOneInputTellsAStaleArgmaxApart()
            throws Exception {
        ModelDocument document = ModelFile.load(LEAKY);
        Network network = document.network();
        ReferenceSimulator simulator = new ReferenceSimulator(network);
        int largestH1Neuron2Sum = 0;
        int overCeiling = 0;
        List<String> staleClassDiffers = new ArrayList<>();
        for (int[] codes : allInputs(network.inputs(), -7, 7)) {
            Trace trace = simulator.run(codes);
            for (int l = 0; l < 2; l++) {
                NeuronModel.IntegrateAndFire model = (NeuronModel.IntegrateAndFire) network.layers().get(l).neuron();
                Trace.LayerTrace layer = trace.layers().get(l);
                for (int j = 0; j < layer.sums()[0].length; j++) {
                    long v = 0;
                    for (int t = 0; t < layer.sums().length; t++) {
                        long u = v - (model.leakShift() > 0 ? v >> model.leakShift() : 0) + layer.sums()[t][j];
                        long afterReset = u >= model.threshold() ? u - model.threshold() : u;
                        overCeiling += afterReset > model.ceiling() ? 1 : 0;
                        v = layer.state()[t][j];
                    }
                }
            }
            for (int[] step : trace.layers().get(0).sums()) {
                largestH1Neuron2Sum = Math.max(largestH1Neuron2Sum, Math.abs(step[2]));
            }
            // mutant #79 (`STAGES > 0` -> `>= 0`: every level of the 3-class argmax tree registered) in the
            // unfolded design, where the class is taken one edge after the last count update: the root
            // compares count 0 one step old with the right subtree's winner of counts 1, 2 two steps old
            long[][] counts = trace.layers().get(2).state();
            int last = counts.length - 1;
            long right = Math.max(counts[last - 2][1], counts[last - 2][2]);
            int rightIndex = counts[last - 2][2] > counts[last - 2][1] ? 2 : 1;
            int staleClass = right > counts[last - 1][0] ? rightIndex : 0;
            if (staleClass != trace.predictedClass()) {
                staleClassDiffers.add(Arrays.toString(codes));
            }
        }
        // mutants `> CEILING ? ~CEILING` and `>= CEILING` of the IF update: the clamp at the ceiling never acts
        assertThat(overCeiling).as("steps whose value after the reset is above the ceiling").isZero();
        // mutant `.COUNT_BITS(3)` -> `.COUNT_BITS(2)` of h1's lane 2: its bias is 0, so 4 terms can fire, and
        // 2-bit popcounts wrap only at 4 of one sign, a sum of +-4, which no input reaches
        assertThat(largestH1Neuron2Sum).isEqualTo(3);
        assertThat(staleClassDiffers).as("inputs whose class the stale argmax gets wrong").hasSize(39)
                .contains("[-5, 0, -1, 1]");
        assertThat(document.testFrames().orElseThrow().codes()).contains(List.of(-5, 0, -1, 1));
    }
}
