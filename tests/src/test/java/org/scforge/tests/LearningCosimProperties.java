package org.scforge.tests;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.LongRange;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.Network;
import org.scforge.dsl.RandomNetworks;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random small learning networks ({@link RandomNetworks#learningSeeded}: one or two hidden layers, most learning by
 * random rules, with or without winner-take-all) agree with the golden model's learning run in Verilator, cycle by
 * cycle, over a few frames with learning on: every spike, membrane and count, and every weight code after every step
 * and after every frame. A few tries, so that CI stays short.
 */
class LearningCosimProperties {

    private static final int FRAMES = 4;

    @Property(tries = 6, shrinking = ShrinkingMode.OFF)
    void verilatorLearnsAsTheGoldenModelDoes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        check(seed, Simulator.VERILATOR);
    }

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void icarusLearnsAsTheGoldenModelDoes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        check(seed, Simulator.ICARUS);
    }

    private static final int LEARNING_FRAMES = 4;
    private static final int FROZEN_FRAMES = 2;

    /**
     * {@link RandomNetworks#adaptiveSeeded}: the same networks with homeostasis (random step, decay period, limit and,
     * for every other seed, stored offsets), a few learning frames then a few with learning off, which use the
     * learned offsets: every spike, membrane, count and weight code, and the offsets after every frame.
     */
    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void verilatorAdaptsAsTheGoldenModelDoes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        checkAdaptive(seed, Simulator.VERILATOR);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF)
    void icarusAdaptsAsTheGoldenModelDoes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        checkAdaptive(seed, Simulator.ICARUS);
    }

    private static void checkAdaptive(long seed, Simulator simulator) {
        ToolPolicy.require(simulator);
        Network network = RandomNetworks.adaptiveSeeded(seed);
        DutSources design = DutSources.generate(network, true);
        int frames = LEARNING_FRAMES + FROZEN_FRAMES;
        CosimReport report = Cosim.of(network, design).simulator(simulator).trace(true)
                .learnFirst(LEARNING_FRAMES).run(FrameSelection.random(network, frames, seed));
        report.assertPassed();
        long codes = network.layers().stream().filter(DenseLayer::learns).mapToLong(l -> (long) l.neurons() * l.fanIn())
                .sum();
        assertThat(report.weightsCompared()).as(network.summary()).isEqualTo(frames * codes * (network.length() + 1));
        assertThat(report.weightMismatches()).isZero();
    }

    private static void check(long seed, Simulator simulator) {
        ToolPolicy.require(simulator);
        Network network = RandomNetworks.learningSeeded(seed);
        DutSources design = DutSources.generate(network, true);
        CosimReport report = Cosim.of(network, design).simulator(simulator).trace(true)
                .run(FrameSelection.random(network, FRAMES, seed));
        report.assertPassed();
        // every code of every learning layer after each of the L steps and after the frame
        long codes = network.layers().stream().filter(DenseLayer::learns).mapToLong(l -> (long) l.neurons() * l.fanIn())
                .sum();
        assertThat(report.weightsCompared()).as(network.summary()).isEqualTo(FRAMES * codes * (network.length() + 1));
        assertThat(report.weightMismatches()).isZero();
    }
}
