package org.scforge.sim;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Synapse;
import org.scforge.dsl.WeightPlan;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the golden model to every number of the XNOR worked example, docs/semantics.md section 10. */
class XnorSemanticsExampleTest {

    static final int[] CODES = {3, -2};

    /** Sources as in section 9; sm2 inputs, 2-bit weights, both layers xnor. */
    static Network bipolar() {
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{3, -1}, {1, -3}}), List.of(1, 2),
                new WeightPlan("src_hidden", List.of(0, 1), List.of(0, 3, 2)), Synapse.XNOR);
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(),
                IntMatrix.of(new int[][] {{2, -3}, {-1, 1}}), List.of(3, 0),
                new WeightPlan("src_out", List.of(0, 2), List.of(1, 0, 3)), Synapse.XNOR);
        return new Network("bipolar", 2, Code.signMagnitude(2), 2, 8,
                List.of(SemanticsExampleTest.SRC_IN, SemanticsExampleTest.SRC_HIDDEN, SemanticsExampleTest.SRC_OUT),
                new InputPlan("src_in", List.of(0, 2)), List.of(hidden, out));
    }

    @Test
    void inputBitsAreTheOffsetComparisons() {
        Trace.LayerTrace hidden = GoldenModel.of(bipolar()).trace(CODES).layers().get(0);
        // x_0 = 7 > r: 1 1 1 1 1 1 1 0 and x_1 = 2 > (r ^ 2): 0 0 1 0 0 0 1 0, seen through neuron 0 at
        // step 0 (both weights and the bias fire: S = x0 agrees + x1 differs + bias = 1)
        assertThat(hidden.sums()[0][0]).isEqualTo(1);
        long[] r = SourceSequence.values(SemanticsExampleTest.SRC_IN, 8);
        int[] x0 = new int[8];
        int[] x1 = new int[8];
        for (int t = 0; t < 8; t++) {
            x0[t] = Synapse.XNOR.comparedCode(CODES[0], 2) > r[t] ? 1 : 0;
            x1[t] = Synapse.XNOR.comparedCode(CODES[1], 2) > (r[t] ^ 2) ? 1 : 0;
        }
        assertThat(x0).containsExactly(1, 1, 1, 1, 1, 1, 1, 0);
        assertThat(x1).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
    }

    @Test
    void traceMatchesEveryNumberOfTheTable() {
        Trace trace = GoldenModel.of(bipolar()).trace(CODES);
        Trace.LayerTrace hidden = trace.layers().get(0);
        Trace.LayerTrace out = trace.layers().get(1);
        assertThat(hidden.sums()).isDeepEqualTo(new int[][] {
                {1, 3}, {1, 1}, {-1, -1}, {1, 3}, {-1, 1}, {3, 1}, {-1, -3}, {-1, 1}});
        assertThat(hidden.spikes()).isDeepEqualTo(new int[][] {
                {0, 1}, {1, 1}, {0, 0}, {0, 1}, {0, 0}, {1, 1}, {0, 0}, {0, 0}});
        assertThat(hidden.state()).isDeepEqualTo(new long[][] {
                {1, 1}, {0, 0}, {-1, -1}, {0, 0}, {-1, 1}, {0, 0}, {-1, -2}, {-2, -1}});
        assertThat(out.sums()).isDeepEqualTo(new int[][] {
                {1, 3}, {-1, -3}, {1, -1}, {1, 1}, {1, -1}, {-1, -3}, {1, -1}, {1, 1}});
        assertThat(out.state()).isDeepEqualTo(new long[][] {
                {1, 3}, {0, 0}, {1, -1}, {2, 0}, {3, -1}, {2, -4}, {3, -5}, {4, -4}});
        assertThat(trace.readoutCounts()).containsExactly(4, -4);
        assertThat(trace.predictedClass()).isEqualTo(0);
    }

    @Test
    void fastPathGivesTheExampleCountsAndClass() {
        FrameCounts counts = GoldenModel.of(bipolar()).run(CODES);
        // hidden spikes: neuron 0 at steps 1 and 5, neuron 1 at steps 0, 1, 3 and 5
        assertThat(counts.layerCounts()).isDeepEqualTo(new int[][] {{2, 4}, {4, -4}});
        assertThat(counts.predictedClass()).isEqualTo(0);
    }
}
