package org.scforge.sim;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.ConvLayer;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.ImageShape;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.PoolLayer;
import org.scforge.dsl.Source;
import org.scforge.dsl.WeightPlan;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the golden model to every number of the conv worked example, docs/semantics.md section 11.4. */
class ConvSemanticsExampleTest {

    static final Source SRC_IN = new Source.VanDerCorput("src_in", 2);
    static final Source SRC_CONV = new Source.Lfsr("src_conv", 3, List.of(3, 2), 1);
    static final Source SRC_OUT = new Source.Sobol("src_out", 2, 2);
    /** The 3 x 3 image, row by row. */
    static final int[] CODES = {3, 0, 1, 2, 3, 0, 1, 1, 2};

    static Network example() {
        DenseLayer kernel = new DenseLayer("conv", 1, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{1, -1, 2, 3}}), List.of(0),
                new WeightPlan("src_conv", List.of(0), List.of(0, 1, 2, 3, 1)));
        ConvLayer conv = new ConvLayer(kernel, new ImageShape(3, 3, 1), 2, 2, 2, 1);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(),
                IntMatrix.of(new int[][] {{2, -1, 1, 3}, {-3, 2, 0, 1}}), List.of(0, 1),
                new WeightPlan("src_out", List.of(0, 2), List.of(1, 0, 3, 2, 0)));
        return new Network("convexample", 9, Code.unsigned(2), 2, 4, List.of(SRC_IN, SRC_CONV, SRC_OUT),
                new InputPlan("src_in", List.of(0, 1, 2, 3, 0, 1, 2, 3, 0)), List.of(conv), List.of(out));
    }

    @Test
    void sourcesYieldTheTabulatedNumbers() {
        assertThat(SourceSequence.values(SRC_IN, 4)).containsExactly(0, 2, 1, 3);
        assertThat(SourceSequence.values(SRC_CONV, 4)).containsExactly(1, 2, 5, 3);
        assertThat(SourceSequence.values(SRC_OUT, 4)).containsExactly(0, 2, 1, 3);
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

    /**
     * Section 11.5: the same conv layer, then a 2 x 2 OR pool of stride 2 (its one output spikes when any
     * conv neuron does: at step 2 only), then a counter on that one spike.
     */
    static Network pooled() {
        Network conv = example();
        PoolLayer pool = new PoolLayer("pool", new ImageShape(2, 2, 1), 2, 2);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(), IntMatrix.of(new int[][] {{3}, {-2}}),
                List.of(0, 0), new WeightPlan("src_out", List.of(0, 1), List.of(0, 0)));
        return new Network("poolexample", 9, Code.unsigned(2), 2, 4, conv.sources(), conv.inputPlan(),
                List.of(conv.imageLayers().get(0), pool), List.of(out));
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
