package org.scforge.harness;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.WeightPlan;
import org.scforge.generators.Fold;
import org.scforge.generators.bench.FrameSelection;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folded design (hidden 5 neurons, 2 per cycle: groups 2, 2, 1; readout 3 neurons, 1 per cycle; T = 3)
 * agrees with the golden model at every window, and the comparison really follows the folded timing:
 * told the unfolded timing, the same RTL fails at the done edge.
 */
class FoldedCosimTest {

    @TempDir
    static Path cache;

    static Network network() {
        List<Source> sources = List.of(new Source.VanDerCorput("src_in", 4),
                Source.Lfsr.maximal("src_hidden", 5, 3), new Source.Sobol("src_out", 4, 3));
        DenseLayer hidden = new DenseLayer("hidden", 5, new NeuronModel.IntegrateAndFire(3, -3, 2, 1),
                IntMatrix.of(new int[][] {{5, -3, 1}, {7, 2, -6}, {-1, 4, 3}, {0, 6, -7}, {3, 3, 3}}),
                List.of(0, -1, 2, 1, -3), new WeightPlan("src_hidden", List.of(0, 3, 5, 6, 1), List.of(0, 6, 1, 2)));
        DenseLayer out = new DenseLayer("out", 3, Neuron.counter(),
                IntMatrix.of(new int[][] {{4, -7, 1, 2, 0}, {-2, 6, 3, -1, 5}, {1, 1, -5, 7, -2}}), List.of(1, 0, -2),
                new WeightPlan("src_out", List.of(0, 1, 7), List.of(2, 0, 4, 3, 5, 6)));
        return new Network("folded", 3, Code.signMagnitude(3), 3, 16, sources,
                new InputPlan("src_in", List.of(0, 5, 3)), List.of(hidden, out));
    }

    /**
     * Plans and their window T: P only (weights in logic), and chunks of S synapses with weights in memory
     * (hidden: 3 groups of 2 chunks, G = 6, r = 4; out: 3 groups of 2 chunks of 3 of its 6 synapses, G = 6,
     * r = 4; T = 10).
     */
    static Stream<Arguments> plans() {
        return Stream.of(Simulator.values()).flatMap(simulator -> Stream.of(
                Arguments.of(simulator, "hidden=2,out=1", 3),
                Arguments.of(simulator, "hidden=2x2:memory,out=1x3:memory", 10)));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void everyWindowAgreesWithTheGoldenModelAndTheUnfoldedTimingIsRefused(Simulator simulator, String plan,
                                                                         int window) {
        ToolPolicy.require(simulator);
        Network network = network();
        DutSources design = DutSources.generate(network, true, Fold.parse(plan));
        assertThat(design.ports().windowCycles()).isEqualTo(window);
        int[][] frames = FrameSelection.random(network, 6, 11);
        ModelBuilder builder = new ModelBuilder(cache);
        CosimReport report = Cosim.of(network, design).simulator(simulator).trace(true).builder(builder).run(frames);
        report.assertPassed();
        // per frame: the done edge, 3 counts and the class, and per step 5 spikes, 5 membranes and 3 counts
        assertThat(report.valuesCompared()).isEqualTo(6L * (1 + 3 + 1 + 16 * (5 + 5 + 3)));

        DutPorts unfolded = new DutPorts(design.ports().ports(), design.ports().traced(),
                design.ports().codeBits(), design.ports().countBits(), design.ports().classBits());
        CosimReport wrong = Cosim.of(network, new DutSources(design.top(), design.files(), unfolded))
                .simulator(simulator).trace(false).builder(builder).run(frames);
        // done does not come within L + D + 8 edges: every frame differs
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.mismatches()).isGreaterThanOrEqualTo(6);
        assertThat(wrong.firstMismatch().orElseThrow().frame()).isZero();
    }
}
