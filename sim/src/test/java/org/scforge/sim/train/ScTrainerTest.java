package org.scforge.sim.train;

import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.Synapse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScTrainerTest {

    @Test
    void codesRoundAndClipToTheWeightRange() {
        assertThat(ScCodes.code(0.5, 8)).isEqualTo(128);
        assertThat(ScCodes.code(-0.5, 8)).isEqualTo(-128);
        assertThat(ScCodes.code(3.0, 8)).isEqualTo(255);
        assertThat(ScCodes.code(-3.0, 8)).isEqualTo(-255);
        assertThat(ScCodes.code(0.001, 8)).isZero();
        assertThat(ScCodes.largest(8)).isEqualTo(255 / 256.0);
    }

    @Test
    void xnorNetworksAreRefusedWithTheLayerNamed() {
        Network template = Network.named("bipolar")
                .inputs(2, Code.unsigned(4)).weights(4).bitstream(16)
                .dense("hidden", 3, Neuron.integrateAndFire(1), Synapse.XNOR)
                .dense("out", 2, Neuron.counter())
                .build();
        assertThatThrownBy(() -> ScTrainer.train(template, new int[][] {{1, 2}},
                        new int[] {0}, ScTrainer.Settings.defaults(1), s -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the SC trainer trains and synapses only; layer 'hidden' of 'bipolar' has xnor synapses");
    }

    @Test
    void softmaxGradientMatchesAFiniteDifference() {
        // one sample, ReLU hidden layer: the analytic gradient of weight w1(0, 1) equals the numeric one
        Params p = Params.initial(3, 4, 2, new java.util.Random(7));
        double[] x = {0.3, -0.6, 0.9};
        FloatForward f = FloatForward.relu(new double[][] {x});
        Params g = p.zerosLike();
        Backprop.accumulate(p, x, f.one(p, x), 1, g);
        for (int index : new int[] {p.w1(0, 1), p.b1(2), p.w2(1, 3), p.b2(0)}) {
            double h = 1e-6;
            Params plus = p.copy();
            plus.values[index] += h;
            Params minus = p.copy();
            minus.values[index] -= h;
            double numeric = (loss(plus, x) - loss(minus, x)) / (2 * h);
            assertThat(g.values[index]).isCloseTo(numeric, within(1e-6));
        }
    }

    private static double loss(Params p, double[] x) {
        double[] prob = Backprop.softmax(FloatForward.relu(new double[][] {x}).one(p, x).logits());
        return -Math.log(prob[1]);
    }
}
