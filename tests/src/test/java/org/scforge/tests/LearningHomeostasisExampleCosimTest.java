package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Network;
import org.scforge.dsl.Stdp;
import org.scforge.dsl.StdpExamples;
import org.scforge.generators.StdpExampleNetwork;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.CodePacking;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.FrameResult;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The homeostasis RTL of the worked example of docs/semantics.md section 12.5 (the network of section 12.7 with
 * homeostasis step 1, decayFrames 2, limit 3; docs/rtl.md "Learning layers", worked example) in Verilator: the
 * offsets port edge by edge, the spikes the offsets suppress, the lock-step co-simulation that compares the offsets
 * after every frame, and a golden model that adapts otherwise caught in the offsets.
 */
class LearningHomeostasisExampleCosimTest {

    /** hidden_offsets, offset j at [j*2 +: 2]: o = [1, 0]. */
    private static final BigInteger RAISED = BigInteger.ONE;
    /** hidden_membrane {v_1, v_0} with 2-bit membranes: [1, -1] is 11_01. */
    private static final BigInteger CLAMPED = BigInteger.valueOf(0b1101);

    private static void start(BridgeDut dut, Network network, int[] codes, boolean learn) {
        dut.poke("codes", CodePacking.pack(codes, network.inputCode()));
        dut.poke("learn", learn ? 1 : 0);
        dut.poke("start", 1);
        dut.step(1);
        dut.poke("start", 0);
    }

    @Test
    void theOffsetRisesAtTheWinnersStepEdgeAndDecaysAtTheDoneEdgeOfTheSecondLearningFrame() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.adaptive();
        DutSources design = DutSources.generate(network, true);
        try (BridgeDut dut = LearningNetworks.resetInVerilator(design)) {
            dut.expect("hidden_offsets", 0);

            // frame 1, learning: hidden performs step 0 at edge 1, neuron 0 wins and o_0 becomes 1 at that edge
            start(dut, network, StdpExampleNetwork.FIRST, true);
            dut.expect("hidden_offsets", 0);
            dut.step(1);
            dut.expect("hidden_spikes", 1);
            dut.expect("hidden_offsets", RAISED);
            dut.step(5);
            // edge 6: done rises; learning frame 1 is no multiple of decayFrames 2, so no decay
            dut.expect("done", 1);
            dut.expect("hidden_offsets", RAISED);

            // frame 2, learning: theta_0 = 3 and u_0 reaches 2 at step 1, so nothing spikes; the membranes are
            // [1, -1] after every step; at edge 6 (done) learning frame 2 ends and every offset drops by 1
            start(dut, network, StdpExampleNetwork.SECOND, true);
            for (int edge = 1; edge <= 4; edge++) {
                dut.step(1);
                dut.expect("hidden_spikes", 0);
                dut.expect("hidden_membrane", CLAMPED);
                dut.expect("hidden_offsets", RAISED);
            }
            dut.step(1);
            dut.expect("done", 0);
            dut.expect("hidden_offsets", RAISED);
            dut.step(1);
            dut.expect("done", 1);
            dut.expect("hidden_offsets", 0);

            // learning off with o = [0, 0]: section 12.7's frame 2 without its update bits, neuron 0 spikes at step 1
            dut.poke("learn", 0);
            FrameResult third = dut.frame(CodePacking.pack(StdpExampleNetwork.SECOND, network.inputCode()), 16, true);
            int spikes = design.ports().tracePorts().stream().map(p -> p.name()).toList().indexOf("hidden_spikes");
            assertThat(third.rows().get(1).values().get(spikes)).isEqualTo(BigInteger.ONE);
            dut.expect("hidden_offsets", 0);
        }
    }

    @Test
    void learningOffFramesUseTheOffsetsAndDoNotCountTowardsTheDecay() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.adaptive();
        DutSources design = DutSources.generate(network, true);
        try (BridgeDut dut = LearningNetworks.resetInVerilator(design)) {
            dut.poke("learn", 1);
            dut.frame(CodePacking.pack(StdpExampleNetwork.FIRST, network.inputCode()), 16, false);
            dut.expect("hidden_offsets", RAISED);
            dut.poke("learn", 0);
            for (int frame = 0; frame < 2; frame++) {
                // the network stored after frame 1 (o = [1, 0]): counts [0, 0], and the offsets stay
                FrameResult off = dut.frame(CodePacking.pack(StdpExampleNetwork.SECOND, network.inputCode()), 16, true);
                assertThat(off.counts()).isEqualTo(BigInteger.ZERO);
                dut.expect("hidden_offsets", RAISED);
            }
            // the second learning frame since rst decays them
            dut.poke("learn", 1);
            dut.frame(CodePacking.pack(StdpExampleNetwork.SECOND, network.inputCode()), 16, false);
            dut.expect("hidden_offsets", 0);
            // rst restores the model file's offsets (none stored: all 0) and weights
            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            dut.expect("hidden_offsets", 0);
            dut.expect("hidden_weights", 0xe91);
        }
    }

    @Test
    void theLockStepCoSimulationComparesTheOffsetsAfterEveryFrame() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.adaptive();
        DutSources design = DutSources.generate(network, true);
        int[][] frames = {StdpExampleNetwork.FIRST, StdpExampleNetwork.SECOND, StdpExampleNetwork.FIRST,
                StdpExampleNetwork.SECOND, StdpExampleNetwork.FIRST};
        CosimReport learning = Cosim.of(network, design).simulator(Simulator.VERILATOR).trace(true).learnFirst(3)
                .run(frames);
        learning.assertPassed();
        assertThat(learning.weightsCompared()).isEqualTo(5L * 4 * (4 + 1));
        assertThat(learning.weightMismatches()).isZero();
    }

    @Test
    void aGoldenModelThatAdaptsOtherwiseIsCaughtInTheOffsets() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.adaptive();
        DutSources design = DutSources.generate(network, false);
        // the same network whose offsets decay after every learning frame: after frame 1 the golden o_0 is 0 again
        Network everyFrame = network.withLayers(List.of(network.layers().get(0).withLearning(StdpExamples.RULE
                .withHomeostasis(Stdp.Homeostasis.of(1, 1, 3))), network.layers().get(1)));
        CosimReport report = Cosim.of(everyFrame, design).simulator(Simulator.VERILATOR)
                .run(new int[][] {StdpExampleNetwork.FIRST});
        assertThat(report.passed()).isFalse();
        assertThat(report.weightMismatches()).isZero();
        assertThat(report.firstMismatch().orElseThrow().toString())
                .isEqualTo("frame 0, cycle 6 after start, layer hidden, neuron 0, hidden_offsets: rtl 1, golden 0");
    }
}
