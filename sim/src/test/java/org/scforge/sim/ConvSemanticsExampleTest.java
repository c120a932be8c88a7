package org.scforge.sim;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.ConvExamples;
import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.ImageShape;
import org.scforge.dsl.Network;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the golden model to every number of the conv worked example, docs/semantics.md section 11.4. */
class ConvSemanticsExampleTest {

    static final int[] CODES = ConvExamples.CODES;

    static Network example() {
        return ConvExamples.example();
    }

    @Test
    void sourcesYieldTheTabulatedNumbers() {
        assertThat(SourceSequence.values(ConvExamples.SRC_IN, 4)).containsExactly(0, 2, 1, 3);
        assertThat(SourceSequence.values(ConvExamples.SRC_CONV, 4)).containsExactly(1, 2, 5, 3);
        assertThat(SourceSequence.values(ConvExamples.SRC_OUT, 4)).containsExactly(0, 2, 1, 3);
    }

    @Test
    void everyTapOfEveryPositionReadsTheTabulatedPixel() {
        ConvLayer conv = example().convLayers().get(0);
        assertThat(conv.output()).isEqualTo(new ImageShape(2, 2, 1));
        int[][] pixels = new int[4][4];
        for (int j = 0; j < 4; j++) {
            for (int q = 0; q < 4; q++) {
                pixels[j][q] = conv.inputOf(j, q);
            }
        }
        assertThat(pixels).isDeepEqualTo(new int[][] {{-1, -1, -1, 0}, {-1, -1, 1, 2}, {-1, 3, -1, 6}, {4, 5, 7, 8}});
    }

    @Test
    void everyStepMatchesTheExample() {
        Trace trace = GoldenModel.of(example()).trace(CODES);
        Trace.LayerTrace conv = trace.layers().get(0);
        assertThat(conv.layer()).isEqualTo("conv");
        assertThat(conv.sums()).isDeepEqualTo(new int[][] {{0, 0, 0, 1}, {1, 1, 0, 0}, {1, 0, 0, 1}, {0, 0, -1, 0}});
        assertThat(conv.spikes()).isDeepEqualTo(new int[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, 1}, {0, 0, 0, 0}});
        assertThat(conv.state()).isDeepEqualTo(new long[][] {{0, 0, 0, 1}, {1, 1, 0, 1}, {0, 1, 0, 0}, {0, 1, -1, 0}});
        Trace.LayerTrace out = trace.layers().get(1);
        assertThat(out.sums()).isDeepEqualTo(new int[][] {{0, 0}, {0, 1}, {1, -1}, {0, 0}});
        assertThat(out.state()).isDeepEqualTo(new long[][] {{0, 0}, {0, 1}, {1, 0}, {1, 0}});
        assertThat(trace.readoutCounts()).containsExactly(1, 0);
        assertThat(trace.predictedClass()).isZero();
    }

    static Network pooled() {
        return ConvExamples.pooled();
    }

    @Test
    void aPoolSpikesWhenAnyInputOfItsWindowDoes() {
        Trace trace = GoldenModel.of(pooled()).trace(CODES);
        Trace.LayerTrace pool = trace.layers().get(1);
        assertThat(pool.layer()).isEqualTo("pool");
        assertThat(pool.sums()).isDeepEqualTo(new int[][] {{0}, {0}, {2}, {0}});
        assertThat(pool.spikes()).isDeepEqualTo(new int[][] {{0}, {0}, {1}, {0}});
        assertThat(pool.state()).isDeepEqualTo(new long[][] {{0}, {0}, {0}, {0}});
        Trace.LayerTrace out = trace.layers().get(2);
        assertThat(out.sums()).isDeepEqualTo(new int[][] {{0, 0}, {0, 0}, {1, -1}, {0, 0}});
        assertThat(trace.readoutCounts()).containsExactly(1, -1);
        assertThat(trace.predictedClass()).isZero();
        assertThat(GoldenModel.of(pooled()).run(CODES).layerCounts()).isDeepEqualTo(new int[][] {{1, 0, 0, 1}, {1}, {1, -1}});
    }

    @Test
    void theBatchPathGivesTheSameCounts() {
        FrameCounts fast = GoldenModel.of(example()).run(CODES);
        assertThat(fast.layerCounts()).isDeepEqualTo(new int[][] {{1, 0, 0, 1}, {1, 0}});
        assertThat(fast.predictedClass()).isZero();
    }
}
