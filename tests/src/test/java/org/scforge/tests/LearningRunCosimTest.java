package org.scforge.tests;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Network;
import org.scforge.generators.bench.FrameSelection;
import org.scforge.harness.Cosim;
import org.scforge.harness.CosimReport;
import org.scforge.harness.DutSources;
import org.scforge.harness.Simulator;
import org.scforge.harness.ToolPolicy;
import org.scforge.sim.LearningRun;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "Done when": a learning run of 200 frames in Verilator matches the golden model's {@link LearningRun} in
 * every weight code after every frame (0 mismatches), on a small network that really learns.
 */
class LearningRunCosimTest {

    private static final int FRAMES = 200;
    private static final long SEED = 16;

    @Test
    void twoHundredLearningFramesMatchTheGoldenModelInEveryWeightCode() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = LearningNetworks.learner16();
        int[][] frames = FrameSelection.random(network, FRAMES, SEED);
        // the run learns: the golden model's weights after the frames differ from the file's
        LearningRun golden = LearningRun.of(network);
        for (int[] frame : frames) {
            golden.frame(frame, true);
        }
        assertThat(golden.weights("features")).isNotEqualTo(network.layers().get(0).weights());

        long start = System.nanoTime();
        DutSources design = DutSources.generate(network, false);
        CosimReport report = Cosim.of(network, design).simulator(Simulator.VERILATOR).run(frames);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "learner16 in verilator: %s; build %.1f s, %.1f s in all%n", report.summary(),
                report.buildSeconds(), seconds);
        report.assertPassed();
        // every code of features (8 x 16) after every frame
        assertThat(report.weightsCompared()).isEqualTo((long) FRAMES * 8 * 16);
        assertThat(report.weightMismatches()).isZero();
        assertThat(report.frames()).isEqualTo(FRAMES);
    }

    @Test
    void twoHundredLearningFramesWithHomeostasisMatchTheGoldenModelInEveryWeightCodeAndOffset() {
        ToolPolicy.require(Simulator.VERILATOR);
        Network network = LearningNetworks.adaptive16();
        int[][] frames = FrameSelection.random(network, FRAMES, SEED);
        // the run learns and adapts: the weights change, and the offsets rise and fall from frame to frame
        LearningRun golden = LearningRun.of(network);
        java.util.Set<java.util.List<Integer>> offsets = new java.util.HashSet<>();
        for (int[] frame : frames) {
            golden.frame(frame, true);
            offsets.add(java.util.Arrays.stream(golden.offsets("features")).boxed().toList());
        }
        assertThat(golden.weights("features")).isNotEqualTo(network.layers().get(0).weights());
        assertThat(offsets).as("distinct offset vectors after the frames").hasSizeGreaterThan(10);

        long start = System.nanoTime();
        DutSources design = DutSources.generate(network, false);
        CosimReport report = Cosim.of(network, design).simulator(Simulator.VERILATOR).run(frames);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "adaptive16 in verilator: %s; build %.1f s, %.1f s in all%n", report.summary(),
                report.buildSeconds(), seconds);
        report.assertPassed();
        assertThat(report.weightsCompared()).isEqualTo((long) FRAMES * 8 * 16);
        assertThat(report.weightMismatches()).isZero();
        // the counts, class, weights and 8 offsets of every frame
        assertThat(report.valuesCompared()).isGreaterThanOrEqualTo((long) FRAMES * (8 * 16 + 8));
    }
}
