package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
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
 * The learning RTL of the worked example (docs/semantics.md section 12.7, docs/rtl.md "Learning layers, worked
 * example") in Verilator: the weights port edge by edge, the lock-step co-simulation with per-step weights, and
 * that a golden model learning differently is caught in the weights.
 */
class LearningExampleCosimTest {

    /** hidden_weights, code (j, i) at [(j*2 + i)*3 +: 3]: the file's [[1, 2], [2, -1]] is 111_010_010_001. */
    private static final BigInteger FILE_WEIGHTS = BigInteger.valueOf(0xe91);
    /** [[2, 3], [2, -1]]: w_00 1 -> 2 (bits 2..0 001 -> 010) and w_01 2 -> 3 (bits 5..3 010 -> 011). */
    private static final BigInteger LEARNED = BigInteger.valueOf(0xe9a);

    @Test
    void theWeightsChangeAtTheEdgeOfStepZeroOfTheFirstFrameAndRstRestoresThem() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.network();
        DutSources design = DutSources.generate(network, true);
        List<String> rowPorts = design.ports().tracePorts().stream().map(p -> p.name()).toList();
        int weights = rowPorts.indexOf("hidden_weights");
        int spikes = rowPorts.indexOf("hidden_spikes");
        int membranes = rowPorts.indexOf("hidden_membrane");
        try (BridgeDut dut = LearningNetworks.resetInVerilator(design)) {
            dut.expect("hidden_weights", FILE_WEIGHTS);
            dut.poke("learn", 1);

            FrameResult first = dut.frame(CodePacking.pack(StdpExampleNetwork.FIRST, network.inputCode()), 16, true);
            // hidden performs step t at edge t + 1: step 0 at edge 1, where neuron 0 wins (spikes 01, membranes
            // [0, -2] = 10_00) and its two weights go up; nothing changes at edges 2..4
            assertThat(first.rows().get(0).edge()).isEqualTo(1);
            assertThat(first.rows().get(0).values().get(spikes)).isEqualTo(BigInteger.ONE);
            assertThat(first.rows().get(0).values().get(membranes)).isEqualTo(BigInteger.valueOf(0b1000));
            for (int edge = 1; edge <= 4; edge++) {
                assertThat(first.rows().get(edge - 1).values().get(weights)).as("edge %d", edge).isEqualTo(LEARNED);
            }
            assertThat(first.doneEdge()).isEqualTo(6);
            assertThat(first.counts()).as("counts [1, 0]").isEqualTo(BigInteger.ONE);

            FrameResult second = dut.frame(CodePacking.pack(StdpExampleNetwork.SECOND, network.inputCode()), 16, true);
            // step 1 (edge 2): neuron 0 spikes without an update (w_00's down bit and w_01's up bit are 0)
            assertThat(second.rows().get(1).values().get(spikes)).isEqualTo(BigInteger.ONE);
            for (FrameResult.TraceRow row : second.rows()) {
                assertThat(row.values().get(weights)).as("edge %d", row.edge()).isEqualTo(LEARNED);
            }
            dut.expect("hidden_weights", LEARNED);

            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            dut.expect("hidden_weights", FILE_WEIGHTS);
        }
    }

    @Test
    void theLockStepCoSimulationComparesEveryWeightAfterEveryStep() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.network();
        DutSources design = DutSources.generate(network, true);
        CosimReport report = Cosim.of(network, design).simulator(Simulator.VERILATOR).trace(true)
                .run(new int[][] {StdpExampleNetwork.FIRST, StdpExampleNetwork.SECOND});
        report.assertPassed();
        // per frame: 4 codes after each of the 4 steps and 4 after the frame
        assertThat(report.weightsCompared()).isEqualTo(2L * 4 * (4 + 1));
        assertThat(report.weightMismatches()).isZero();
    }

    @Test
    void aGoldenModelThatLearnsOtherwiseIsCaughtInTheWeights() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.network();
        DutSources design = DutSources.generate(network, false);
        // the same network whose rule never potentiates: frame 1's two potentiations are missing
        Network neverUp = network.withLayers(network.layers().stream().map(l -> l.learns()
                ? l.withLearning(l.learning().orElseThrow().withProbabilities(2, 0, 1)) : l).toList());
        CosimReport report = Cosim.of(neverUp, design).simulator(Simulator.VERILATOR)
                .run(new int[][] {StdpExampleNetwork.FIRST});
        assertThat(report.passed()).isFalse();
        assertThat(report.weightsCompared()).isEqualTo(4);
        assertThat(report.weightMismatches()).isEqualTo(2);
        assertThat(report.firstMismatch().orElseThrow().toString())
                .isEqualTo("frame 0, cycle 6 after start, layer hidden, neuron 0, hidden_weights input 0: rtl 2, golden 1");
    }

    @Test
    void withLearningOffTheWeightsStayTheFilesAndTheCountsAreTheFrozenNetworks() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.network();
        DutSources design = DutSources.generate(network, true);
        CosimReport report = Cosim.of(network, design).simulator(Simulator.VERILATOR).trace(true).learn(false)
                .run(new int[][] {StdpExampleNetwork.FIRST, StdpExampleNetwork.SECOND, StdpExampleNetwork.FIRST});
        report.assertPassed();
        assertThat(report.weightsCompared()).isEqualTo(3L * 4 * (4 + 1));
        assertThat(network.layers()).extracting(DenseLayer::learns).containsExactly(true, false);
    }
}
