package org.scforge.tests;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.RandomNetworks;
import org.scforge.generators.Fold;
import org.scforge.generators.StdpExampleNetwork;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.BridgeDut;
import org.scforge.harness.CodePacking;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.FrameResult;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learning layers folded with their weights in memory (docs/rtl.md, "Folded learning layers") in Verilator: the
 * worked example's words read back after rst and after each frame, and random learning networks under random folded
 * plans learning as the golden model does, every weight code after every frame.
 */
class FoldedLearningCosimTest {

    private static final Fold EXAMPLE_PLAN = Fold.parse("hidden=1x2:memory");

    private static List<BigInteger> words(BridgeDut dut) {
        return dut.readBack("hidden_weights_address", "hidden_weights_words", 4);
    }

    private static List<BigInteger> hex(int... words) {
        return java.util.Arrays.stream(words).mapToObj(BigInteger::valueOf).toList();
    }

    @Test
    void theWorkedExamplesWordsAreTheFilesAfterRstAndTheLearnedOnesWhenDoneRises() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = StdpExampleNetwork.network();
        DutSources design = DutSources.generate(network, true, EXAMPLE_PLAN);
        List<String> rowPorts = design.ports().tracePorts().stream().map(p -> p.name()).toList();
        int spikes = rowPorts.indexOf("hidden_spikes");
        int membranes = rowPorts.indexOf("hidden_membrane");
        try (BridgeDut dut = LearningNetworks.resetInVerilator(design)) {
            // neuron 0: 1, 2; its bias; neuron 1: 2, -1, mask 1; its bias, mask 1
            assertThat(words(dut)).isEqualTo(hex(0x09, 0x00, 0x66, 0x40));
            dut.poke("learn", 1);
            FrameResult first = dut.frame(CodePacking.pack(StdpExampleNetwork.FIRST, network.inputCode()), 60, true);
            // T = 9: done at edge (4 + 2 - 1) * 9 + 1; neuron 0 wins step 0 at edge 9
            assertThat(first.doneEdge()).isEqualTo(46);
            assertThat(first.rows().get(8).values().get(spikes)).isEqualTo(BigInteger.ONE);
            // the lane writes neuron 0 (u = 2 reaches: 2 - 2 = 0) at edge 6 and neuron 1 (u = 0) at edge 8; the
            // decision at edge 9 sends neuron 1 to the floor: membranes [0, 0] after edge 8, [0, -2] = 10_00 after edge 9
            assertThat(first.rows().get(7).values().get(spikes)).isEqualTo(BigInteger.ZERO);
            assertThat(first.rows().get(7).values().get(membranes)).isEqualTo(BigInteger.ZERO);
            assertThat(first.rows().get(8).values().get(membranes)).isEqualTo(BigInteger.valueOf(0b1000));
            assertThat(first.counts()).as("counts [1, 0]").isEqualTo(BigInteger.ONE);
            // [[2, 3], [2, -1]]: word 0 holds 2, 3
            assertThat(words(dut)).isEqualTo(hex(0x0e, 0x00, 0x66, 0x40));
            FrameResult second = dut.frame(CodePacking.pack(StdpExampleNetwork.SECOND, network.inputCode()), 60, true);
            assertThat(second.doneEdge()).isEqualTo(46);
            assertThat(words(dut)).isEqualTo(hex(0x0e, 0x00, 0x66, 0x40));
            dut.poke("rst", 1);
            dut.step(1);
            dut.poke("rst", 0);
            assertThat(words(dut)).isEqualTo(hex(0x09, 0x00, 0x66, 0x40));
        }
        CosimReport report = Cosim.of(network, design).simulator(Simulator.VERILATOR).trace(true)
                .run(new int[][] {StdpExampleNetwork.FIRST, StdpExampleNetwork.SECOND});
        report.assertPassed();
        assertThat(report.weightsCompared()).isEqualTo(2 * 4);
    }

    private static final int FRAMES = 4;

    /**
     * {@link RandomNetworks#learningSeeded} and {@link RandomNetworks#adaptiveSeeded} under a random folded plan: every
     * learning layer in memory with a random P and S, the other layers folded at random or not; frames with learning
     * on, then (adaptive) some with learning off; every spike, membrane and count at every step and every weight code
     * (and offset) after every frame.
     */
    @Property(tries = 20, shrinking = ShrinkingMode.OFF)
    void foldedLearningLayersLearnAsTheGoldenModelDoes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = learning(seed);
        Fold plan = plan(network, new Random(seed));
        DutSources design = DutSources.generate(network, true, plan);
        int learning = seed % 2 == 0 ? FRAMES : FRAMES - 1;
        CosimReport report = Cosim.of(network, design).simulator(Simulator.VERILATOR).trace(true).learnFirst(learning)
                .run(FrameSelection.random(network, FRAMES, seed));
        report.assertPassed();
        long codes = network.layers().stream().filter(DenseLayer::learns).mapToLong(l -> (long) l.neurons() * l.fanIn())
                .sum();
        assertThat(codes).isPositive();
        // after every frame every code of every learning layer, read back (none per step: they are folded)
        assertThat(report.weightsCompared()).as(network.summary() + " " + plan).isEqualTo(FRAMES * codes);
        assertThat(report.weightMismatches()).isZero();
    }

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void foldedLearningLayersLearnInIcarusAsTheGoldenModelDoes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        ToolPolicy.require(Simulator.ICARUS);
        Network network = learning(seed);
        Fold plan = plan(network, new Random(seed));
        CosimReport report = Cosim.of(network, DutSources.generate(network, true, plan)).simulator(Simulator.ICARUS)
                .trace(true).run(FrameSelection.random(network, FRAMES, seed));
        report.assertPassed();
        long codes = network.layers().stream().filter(DenseLayer::learns).mapToLong(l -> (long) l.neurons() * l.fanIn())
                .sum();
        assertThat(report.weightsCompared()).as(network.summary() + " " + plan).isEqualTo(FRAMES * codes);
    }

    /** The random network of {@code seed} or of the next seed that has a learning layer; adaptive for odd seeds. */
    private static Network learning(long seed) {
        for (long s = seed; ; s++) {
            Network network = seed % 2 == 0 ? RandomNetworks.learningSeeded(s) : RandomNetworks.adaptiveSeeded(s);
            if (network.layers().stream().anyMatch(DenseLayer::learns)) {
                return network;
            }
        }
    }

    /** Every learning layer P[xS]:memory, every other one whole or folded at random. */
    static Fold plan(Network network, Random random) {
        List<String> entries = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            int p = 1 + random.nextInt(layer.neurons());
            int s = 1 + random.nextInt(layer.fanIn() + 1);
            if (layer.learns()) {
                entries.add(layer.name() + "=" + p + "x" + s + ":memory");
            } else if (random.nextBoolean()) {
                entries.add(layer.name() + "=" + p + (random.nextBoolean() ? "x" + s : "")
                        + (random.nextBoolean() ? ":memory" : ""));
            }
        }
        return Fold.parse(entries.stream().collect(Collectors.joining(",")));
    }
}
