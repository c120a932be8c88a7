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

        CosimReport report = learnInVerilator("learner16", network, frames);
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

        CosimReport report = learnInVerilator("adaptive16", network, frames);
        assertThat(report.weightsCompared()).isEqualTo((long) FRAMES * 8 * 16);
        assertThat(report.weightMismatches()).isZero();
        // the counts, class, weights and 8 offsets of every frame
        assertThat(report.valuesCompared()).isGreaterThanOrEqualTo((long) FRAMES * (8 * 16 + 8));
    }

    /** {@code frames} learned in Verilator and in the golden model, compared after every frame; the run passed. */
    private static CosimReport learnInVerilator(String label, Network network, int[][] frames) {
        long start = System.nanoTime();
        CosimReport report = Cosim.of(network, DutSources.generate(network, false)).simulator(Simulator.VERILATOR)
                .run(frames);
        System.out.printf(Locale.ROOT, "%s in verilator: %s; build %.1f s, %.1f s in all%n", label,
                report.summary(), report.buildSeconds(), (System.nanoTime() - start) / 1e9);
        report.assertPassed();
        return report;
    }
}
