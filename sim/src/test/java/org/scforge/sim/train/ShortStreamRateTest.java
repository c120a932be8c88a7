package org.scforge.sim.train;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stream-aware rate model: spike-count rounding and the binomial noise of the readout's products. */
class ShortStreamRateTest {

    /** 1 input, 2 hidden, 2 classes: hidden 0 gets rate {@code a}, hidden 1 rate {@code b}. */
    private static Params params(double a, double b, double w) {
        Params p = new Params(1, 2, 2);
        p.values[p.w1(0, 0)] = a;
        p.values[p.w1(1, 0)] = b;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 2; j++) {
                p.values[p.w2(k, j)] = k == 0 ? w : -w;
            }
        }
        p.values[p.b2(1)] = 0.25;
        return p;
    }

    private static Activations once(Params p, int length, double noise, long seed) {
        double[][] x = {{1.0}};
        return new ShortStreamRate(FloatForward.rate(x, 1.0), length, 1.0, noise, new Random(seed)).run(p, new int[] {0})[0];
    }

    @Property(tries = 100)
    void withoutNoiseTheRatesAreSpikeCountsOverLAndTheLogitsFollowThem(
            @ForAll @IntRange(min = 1, max = 64) int length, @ForAll @DoubleRange(min = -0.5, max = 1.5) double a,
            @ForAll @DoubleRange(min = 0, max = 1) double b) {
        Activations out = once(params(a, b, 0.5), length, 0, 1);
        for (int j = 0; j < 2; j++) {
            double rate = Math.max(0, Math.min(1, j == 0 ? a : b));
            assertThat(out.hidden()[j]).isEqualTo(Math.round(rate * length) / (double) length);
        }
        double sum = out.hidden()[0] + out.hidden()[1];
        assertThat(out.logits()[0]).isCloseTo(0.5 * sum, within(1e-12));
        assertThat(out.logits()[1]).isCloseTo(0.25 - 0.5 * sum, within(1e-12));
        // the gradient still sees the unrounded rate model: slope 1 inside (0, 1)
        assertThat(out.slope()[1]).isEqualTo(b > 0 && b < 1 ? 1.0 : 0.0);
    }

    @Test
    void weightsAtTheScaleAreExactProductsAndGetNoNoise() {
        // every readout magnitude is the scale (p = 1): a stream that always fires counts exactly; the
        // bias of class 0 is 0 (p = 0) and that of class 1 a quarter of the scale
        Params p = params(0.5, 1.0, 0.5);
        p.values[p.b2(1)] = 0;
        Activations noisy = once(p, 16, 1.0, 7);
        assertThat(noisy.logits()[0]).isEqualTo(0.5 * 1.5);
        assertThat(noisy.logits()[1]).isEqualTo(-0.5 * 1.5);
    }

    @Test
    void theNoiseHasTheBinomialStandardDeviationAndIsSeeded() {
        // readout magnitudes 0.25 against a scale of 0.5 (the bias of class 1): p = 1/2 for the weights, the
        // bias p = 1 (no noise); both hidden rates 1, L = 16: sd = scale * sqrt((1/4 + 1/4 + 0) / 16)
        Params p = params(1.0, 1.0, 0.25);
        p.values[p.b2(1)] = 0.5;
        double[][] x = {{1.0}};
        ShortStreamRate forward = new ShortStreamRate(FloatForward.rate(x, 1.0), 16, 1.0, 1.0, new Random(3));
        int n = 20_000;
        double sum = 0;
        double squares = 0;
        for (int r = 0; r < n; r++) {
            double e = forward.run(p, new int[] {0})[0].logits()[1] - (0.5 - 0.5);
            sum += e;
            squares += e * e;
        }
        double sd = Math.sqrt(squares / n - (sum / n) * (sum / n));
        assertThat(sd).isCloseTo(0.5 * Math.sqrt(0.5 / 16), within(0.003));
        assertThat(sum / n).isCloseTo(0, within(0.003));
        assertThat(once(p, 16, 1.0, 5).logits()).isEqualTo(once(p, 16, 1.0, 5).logits())
                .isNotEqualTo(once(p, 16, 1.0, 6).logits());
    }
}
