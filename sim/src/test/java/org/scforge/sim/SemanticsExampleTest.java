package org.scforge.sim;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.DenseLayer;
import org.scforge.dsl.InputPlan;
import org.scforge.dsl.IntMatrix;
import org.scforge.dsl.Network;
import org.scforge.dsl.NeuronModel;
import org.scforge.dsl.Source;
import org.scforge.dsl.WeightPlan;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the golden model to every number of the worked example, docs/semantics.md section 9. */
class SemanticsExampleTest {

    static final Source SRC_IN = new Source.VanDerCorput("src_in", 3);
    static final Source SRC_HIDDEN = new Source.Lfsr("src_hidden", 3, List.of(3, 2), 1);
    static final Source SRC_OUT = new Source.Sobol("src_out", 3, 2);
    static final int[] CODES = {6, 3};

    static Network example() {
        DenseLayer hidden = new DenseLayer("hidden", 2, new NeuronModel.IntegrateAndFire(2, -2, 1, 0),
                IntMatrix.of(new int[][] {{5, -3}, {7, 2}}), List.of(0, -1),
                new WeightPlan("src_hidden", List.of(0, 3), List.of(0, 6, 1)));
        DenseLayer out = new DenseLayer("out", 2, new NeuronModel.Counter(),
                IntMatrix.of(new int[][] {{4, -7}, {-2, 6}}), List.of(1, 0),
                new WeightPlan("src_out", List.of(0, 1), List.of(2, 0, 4)));
        return new Network("example", 2, Code.unsigned(3), 3, 8, List.of(SRC_IN, SRC_HIDDEN, SRC_OUT),
                new InputPlan("src_in", List.of(0, 5)), List.of(hidden, out));
    }

    @Test
    void sourcesYieldTheTabulatedNumbers() {
        assertThat(SourceSequence.values(SRC_IN, 8)).containsExactly(0, 4, 2, 6, 1, 5, 3, 7);
        assertThat(SourceSequence.values(SRC_HIDDEN, 8)).containsExactly(1, 2, 5, 3, 7, 6, 4, 1);
        assertThat(SourceSequence.values(SRC_OUT, 8)).containsExactly(0, 4, 2, 6, 3, 7, 1, 5);
    }

    @Test
    void inputBitsMatchTheExample() {
        long[] r = SourceSequence.values(SRC_IN, 8);
        int[] x0 = new int[8];
        int[] x1 = new int[8];
        for (int t = 0; t < 8; t++) {
            x0[t] = CODES[0] > (r[t] ^ 0) ? 1 : 0;
            x1[t] = CODES[1] > (r[t] ^ 5) ? 1 : 0;
        }
        assertThat(x0).containsExactly(1, 1, 1, 0, 1, 1, 1, 0);
        assertThat(x1).containsExactly(0, 1, 0, 0, 0, 1, 0, 1);
    }

    @Test
    void traceMatchesEveryNumberOfTheTable() {
        Trace trace = GoldenModel.of(example()).trace(CODES);
        Trace.LayerTrace hidden = trace.layers().get(0);
        Trace.LayerTrace out = trace.layers().get(1);
        assertThat(hidden.layer()).isEqualTo("hidden");
        assertThat(hidden.sums()).isDeepEqualTo(new int[][] {
                {1, 1}, {1, 0}, {0, 1}, {0, 0}, {0, 1}, {-1, 1}, {1, 0}, {0, 0}});
        assertThat(hidden.spikes()).isDeepEqualTo(new int[][] {
                {0, 0}, {1, 0}, {0, 1}, {0, 0}, {0, 0}, {0, 1}, {0, 0}, {0, 0}});
        assertThat(hidden.state()).isDeepEqualTo(new long[][] {
                {1, 1}, {0, 1}, {0, 0}, {0, 0}, {0, 1}, {-1, 0}, {0, 0}, {0, 0}});
        assertThat(out.layer()).isEqualTo("out");
        assertThat(out.sums()).isDeepEqualTo(new int[][] {
                {0, 0}, {1, 0}, {-1, 1}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}});
        assertThat(out.spikes()).isDeepEqualTo(new int[8][2]);
        assertThat(out.state()).isDeepEqualTo(new long[][] {
                {0, 0}, {1, 0}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}});
        assertThat(trace.readoutCounts()).containsExactly(0, 1);
        assertThat(trace.predictedClass()).isEqualTo(1);
    }

    @Test
    void fastPathGivesTheExampleCountsAndClass() {
        GoldenModel model = GoldenModel.of(example());
        FrameCounts counts = model.run(CODES);
        // hidden spikes: neuron 0 at step 1, neuron 1 at steps 2 and 5
        assertThat(counts.layerCounts()[0]).containsExactly(1, 2);
        assertThat(counts.readout()).containsExactly(0, 1);
        assertThat(counts.predictedClass()).isEqualTo(1);

        int[][] into = model.newCounts();
        assertThat(model.runInto(CODES, into)).isEqualTo(1);
        assertThat(into).isDeepEqualTo(new int[][] {{1, 2}, {0, 1}});
        assertThat(model.predict(CODES)).isEqualTo(1);
        assertThat(model.runAll(new int[][] {CODES, CODES})).allSatisfy(c -> {
            assertThat(c.layerCounts()).isDeepEqualTo(new int[][] {{1, 2}, {0, 1}});
            assertThat(c.predictedClass()).isEqualTo(1);
        });
    }
}
