package org.scforge.sim;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.Stdp;
import org.scforge.dsl.StdpExamples;
import org.scforge.dsl.WeightPlan;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the golden model to every number of the STDP worked example, docs/semantics.md section 12.7. */
class StdpSemanticsExampleTest {

    static final Stdp RULE = StdpExamples.RULE;
    static final int[] FIRST = {3, 1};
    static final int[] SECOND = {1, 3};

    static Network example() {
        return StdpExamples.example();
    }

    @Test
    void sourcesYieldTheTabulatedNumbers() {
        Network n = example();
        assertThat(SourceSequence.values(n.source("src_in").orElseThrow(), 4)).containsExactly(0, 2, 1, 3);
        assertThat(SourceSequence.values(n.source("src_hidden").orElseThrow(), 4)).containsExactly(1, 2, 5, 3);
        assertThat(SourceSequence.values(n.source("src_learn").orElseThrow(), 4)).containsExactly(0, 2, 1, 3);
        assertThat(SourceSequence.values(n.source("src_out").orElseThrow(), 4)).containsExactly(0, 2, 1, 3);
    }

    @Test
    void firstFrameLearnsTwoPotentiationsOneToTheBound() {
        LearningRun run = LearningRun.of(example());
        Trace trace = run.trace(FIRST, true);
        Trace.LayerTrace hidden = trace.layers().get(0);
        assertThat(hidden.sums()).isDeepEqualTo(new int[][] {{2, 0}, {0, 0}, {0, 0}, {1, 1}});
        // step 0: neuron 0 wins alone (u = 2, 0); neuron 1 is inhibited to the floor although u = 0
        assertThat(hidden.spikes()).isDeepEqualTo(new int[][] {{1, 0}, {0, 0}, {0, 0}, {0, 0}});
        assertThat(hidden.state()).isDeepEqualTo(new long[][] {{0, -2}, {0, -2}, {0, -2}, {1, -1}});
        assertThat(trace.weightUpdates()).containsExactly(
                new Trace.WeightUpdate("hidden", 0, 0, 0, 1, 2, true),
                new Trace.WeightUpdate("hidden", 0, 0, 1, 2, 3, true));
        Trace.LayerTrace out = trace.layers().get(1);
        assertThat(out.sums()).isDeepEqualTo(new int[][] {{1, 0}, {0, 0}, {0, 0}, {0, 0}});
        assertThat(trace.readoutCounts()).containsExactly(1, 0);
        assertThat(trace.predictedClass()).isZero();
        assertThat(run.weights("hidden")).isEqualTo(IntMatrix.of(new int[][] {{2, 3}, {2, -1}}));
    }

    @Test
    void secondFrameSpikesWithoutAnUpdateBit() {
        LearningRun run = LearningRun.of(example());
        run.trace(FIRST, true);
        Trace trace = run.trace(SECOND, true);
        Trace.LayerTrace hidden = trace.layers().get(0);
        assertThat(hidden.sums()).isDeepEqualTo(new int[][] {{1, -1}, {1, 0}, {0, 0}, {0, 0}});
        assertThat(hidden.spikes()).isDeepEqualTo(new int[][] {{0, 0}, {1, 0}, {0, 0}, {0, 0}});
        assertThat(hidden.state()).isDeepEqualTo(new long[][] {{1, -1}, {0, -2}, {0, -2}, {0, -2}});
        // step 1: input 0 is a depression candidate (1 > 2 ^ 0 fails), input 1 a potentiation one (3 > 2 ^ 1 fails)
        assertThat(trace.weightUpdates()).isEmpty();
        assertThat(trace.readoutCounts()).containsExactly(0, 0);
        assertThat(run.weights("hidden")).isEqualTo(IntMatrix.of(new int[][] {{2, 3}, {2, -1}}));
    }

    @Test
    void framesReturnTheCountsAndResetRestoresTheFileWeights() {
        LearningRun run = LearningRun.of(example());
        FrameCounts first = run.frame(FIRST, true);
        assertThat(first.layerCounts()).isDeepEqualTo(new int[][] {{1, 0}, {1, 0}});
        assertThat(first.predictedClass()).isZero();
        FrameCounts second = run.frame(SECOND, true);
        assertThat(second.layerCounts()).isDeepEqualTo(new int[][] {{1, 0}, {0, 0}});
        assertThat(run.network().layers().get(0).weights()).isEqualTo(IntMatrix.of(new int[][] {{2, 3}, {2, -1}}));
        assertThat(run.network().layers().get(0).learning()).contains(RULE);
        run.reset();
        assertThat(run.weights("hidden")).isEqualTo(IntMatrix.of(new int[][] {{1, 2}, {2, -1}}));
        assertThat(run.network()).isEqualTo(example());
    }

    /** Section 12.5's example: the network above with homeostasis step 1, decayFrames 2, limit 3. */
    @Test
    void homeostasisRaisesTheWinnersThresholdSoTheSecondFrameDoesNotSpikeThenDecays() {
        Stdp.Homeostasis adapt = Stdp.Homeostasis.of(1, 2, 3);
        Network adaptive = example().withLayers(List.of(example().layers().get(0).withLearning(RULE.withHomeostasis(adapt)),
                example().layers().get(1)));
        LearningRun run = LearningRun.of(adaptive);
        Trace first = run.trace(FIRST, true);
        // frame 1 is the frame of section 12.7: neuron 0 wins at step 0 and its offset becomes 1 from step 1 on
        assertThat(first.layers().get(0).spikes()).isDeepEqualTo(new int[][] {{1, 0}, {0, 0}, {0, 0}, {0, 0}});
        assertThat(first.weightUpdates()).hasSize(2);
        Stdp afterFirst = run.network().layers().get(0).learning().orElseThrow();
        assertThat(afterFirst.homeostasis()).contains(adapt.withOffsets(List.of(1, 0)));
        // learning off with the offsets of frame 1: neuron 0 needs u >= 3 at step 1 and reaches 2, so nothing spikes
        FrameCounts frozen = GoldenModel.of(run.network()).run(SECOND);
        assertThat(frozen.layerCounts()).isDeepEqualTo(new int[][] {{0, 0}, {0, 0}});
        Trace second = run.trace(SECOND, true);
        Trace.LayerTrace hidden = second.layers().get(0);
        assertThat(hidden.sums()).isDeepEqualTo(new int[][] {{1, -1}, {1, 0}, {0, 0}, {0, 0}});
        assertThat(hidden.spikes()).isDeepEqualTo(new int[][] {{0, 0}, {0, 0}, {0, 0}, {0, 0}});
        // u = 2 at step 1 is clamped to the ceiling 1
        assertThat(hidden.state()).isDeepEqualTo(new long[][] {{1, -1}, {1, -1}, {1, -1}, {1, -1}});
        assertThat(second.weightUpdates()).isEmpty();
        assertThat(second.readoutCounts()).containsExactly(0, 0);
        // the second learning frame is a multiple of decayFrames = 2: every offset drops by 1
        assertThat(run.network().layers().get(0).learning().orElseThrow().homeostasis())
                .contains(adapt.withOffsets(List.of(0, 0)));
        assertThat(run.weights("hidden")).isEqualTo(IntMatrix.of(new int[][] {{2, 3}, {2, -1}}));
        // with the offsets back at 0, learning off is section 12.7's second frame without its update bits
        assertThat(run.frame(SECOND, false).layerCounts()).isDeepEqualTo(new int[][] {{1, 0}, {0, 0}});
    }
}
