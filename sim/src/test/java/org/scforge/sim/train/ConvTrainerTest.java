package org.scforge.sim.train;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.Code;
import org.scforge.dsl.Network;
import org.scforge.dsl.NetworkBuilder;
import org.scforge.dsl.Neuron;
import org.scforge.dsl.SourcePlan;
import org.scforge.sim.GoldenModel;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The trainer on conv and pool networks: the rate model's gradients, determinism, and that it learns. */
class ConvTrainerTest {

    private static Network convNet(int side, int channels, int kernel, int stride, int padding, boolean pool,
                                   boolean hidden, int length) {
        NetworkBuilder b = Network.named("tiny").image(side, side, 1, Code.unsigned(4)).weights(6).bitstream(length)
                .sources(SourcePlan.lowDiscrepancy())
                .conv("conv", channels, kernel, stride, padding, Neuron.integrateAndFire(1));
        if (pool) {
            b.pool("pool", 2, 1);
        }
        if (hidden) {
            b.dense("hidden", 5, Neuron.integrateAndFire(1));
        }
        return b.dense("out", 3, Neuron.counter()).build();
    }

    /**
     * The analytic gradient of the rate model (clip, conv kernels summed over positions, OR pool) equals a
     * central difference, for every parameter, away from the clip's corners.
     */
    @Property(tries = 40)
    void convRateGradientMatchesFiniteDifferences(@ForAll @IntRange(min = 3, max = 6) int side,
                                                  @ForAll @IntRange(min = 1, max = 3) int channels,
                                                  @ForAll @IntRange(min = 1, max = 3) int kernel,
                                                  @ForAll @IntRange(min = 1, max = 2) int stride,
                                                  @ForAll boolean pool, @ForAll boolean hidden,
                                                  @ForAll long seed) {
        int padding = kernel > 1 ? (int) Math.floorMod(seed, kernel) : 0;
        Network net = convNet(side, channels, kernel, stride, padding, pool && (side + 2 * padding - kernel) / stride >= 1,
                hidden, 16);
        List<Stage> stages = Stage.of(net);
        Random random = new Random(seed);
        Params p = Params.initial(stages, random);
        p.scale(false, 0.3);
        double[] x = new double[net.inputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        int label = random.nextInt(3);
        FloatForward rate = FloatForward.rate(new double[][] {x}, 1.0);
        Params g = p.zerosLike();
        Backprop.accumulate(p, x, rate.one(p, x), label, g);
        double h = 1e-6;
        int checked = 0;
        for (int n = 0; n < p.values.length; n++) {
            Params plus = p.copy();
            plus.values[n] += h;
            Params minus = p.copy();
            minus.values[n] -= h;
            // a parameter that moves no spiking layer's rate (a readout's) cannot straddle a kink, whatever the rates are
            if (movesSpikingLayers(rate, plus, minus, x)
                    && (nearAKink(rate, plus, x) || nearAKink(rate, minus, x) || kinkCrossed(rate, plus, minus, x))) {
                continue;
            }
            double numeric = (loss(rate, plus, x, label) - loss(rate, minus, x, label)) / (2 * h);
            assertThat(g.values[n]).as("parameter %d", n).isCloseTo(numeric, within(1e-5 + 1e-4 * Math.abs(numeric)));
            checked++;
        }
        // the readout's biases move no spiking layer, so they are always checked: the check is never empty
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    private static double loss(FloatForward f, Params p, double[] x, int label) {
        return -Math.log(Backprop.softmax(f.one(p, x).logits())[label]);
    }

    /** A rate within 1e-4 of 0 or 1, where the clip has no derivative. */
    private static boolean nearAKink(FloatForward f, Params p, double[] x) {
        Activations a = f.one(p, x);
        for (int l = 0; l < a.outputs().length; l++) {
            if (!p.stages.get(l).spiking()) {
                continue;
            }
            for (double v : a.outputs()[l]) {
                if ((v > 0 && v < 1e-4) || (v < 1 && v > 1 - 1e-4)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code plus} and {@code minus} give a spiking layer different rates. */
    private static boolean movesSpikingLayers(FloatForward f, Params plus, Params minus, double[] x) {
        return spikingLayersDiffer(f, plus, minus, x, Activations::outputs);
    }

    /** True when {@code plus} and {@code minus} put a spiking layer's rate on different sides of a kink. */
    private static boolean kinkCrossed(FloatForward f, Params plus, Params minus, double[] x) {
        return spikingLayersDiffer(f, plus, minus, x, Activations::slopes);
    }

    private static boolean spikingLayersDiffer(FloatForward f, Params plus, Params minus, double[] x,
                                               java.util.function.Function<Activations, double[][]> part) {
        double[][] a = part.apply(f.one(plus, x));
        double[][] b = part.apply(f.one(minus, x));
        for (int l = 0; l < a.length; l++) {
            if (plus.stages.get(l).spiking() && !java.util.Arrays.equals(a[l], b[l])) {
                return true;
            }
        }
        return false;
    }

    /** Two 6x6 images classes: a bright left half, a bright right half, a bright top half; noisy. */
    private static int[][] images(int count, long seed, int[] labels) {
        Random random = new Random(seed);
        int[][] out = new int[count][36];
        for (int n = 0; n < count; n++) {
            int label = n % 3;
            labels[n] = label;
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 6; x++) {
                    boolean bright = label == 0 ? x < 3 : label == 1 ? x >= 3 : y < 3;
                    out[n][y * 6 + x] = bright ? 10 + random.nextInt(6) : random.nextInt(4);
                }
            }
        }
        return out;
    }

    private static ScTrainer.Result train(long seed, int[][] codes, int[] labels, boolean pool) {
        Network template = convNet(6, 2, 3, 1, 0, pool, false, 32);
        ScTrainer.Settings settings = ScTrainer.Settings.defaults(seed).withEpochs(30, 3).withTrainLength(32);
        return ScTrainer.train(template, codes, labels, settings, s -> { });
    }

    @Test
    void theSameSeedTrainsTheSameConvNetwork() {
        int[] labels = new int[60];
        int[][] codes = images(60, 3, labels);
        ScTrainer.Result a = train(5, codes, labels, true);
        ScTrainer.Result b = train(5, codes, labels, true);
        assertThat(a.network()).isEqualTo(b.network());
        assertThat(a.history()).extracting(EpochStats::loss).isEqualTo(b.history().stream().map(EpochStats::loss).toList());
        assertThat(a.threshold()).isEqualTo(b.threshold());
        assertThat(a.temperature()).isEqualTo(b.temperature());
    }

    @Test
    void aTinyConvNetworkLearnsHalvesBitExactly() {
        int[] labels = new int[300];
        int[][] codes = images(300, 11, labels);
        ScTrainer.Result result = train(1, codes, labels, false);
        int[] testLabels = new int[60];
        int[][] test = images(60, 12, testLabels);
        Evaluation e = Evaluation.bitExact(GoldenModel.of(result.network()), test, testLabels);
        assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.threshold()).isGreaterThanOrEqualTo(4);
    }
}
