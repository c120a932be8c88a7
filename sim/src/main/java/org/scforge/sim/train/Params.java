package org.scforge.sim.train;

import java.util.Arrays;
import java.util.Random;

/**
 * The trainable numbers of an {@code inputs -> hidden -> classes} network, in one flat vector so that the
 * optimiser and gradient sums treat them alike: hidden weights (row per hidden unit), hidden biases,
 * readout weights (row per class), readout biases.
 */
public final class Params {

    final int inputs;
    final int hidden;
    final int classes;
    final double[] values;

    Params(int inputs, int hidden, int classes) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        this.values = new double[hidden * inputs + hidden + classes * hidden + classes];
    }

    /** He-style uniform initialisation from {@code random}. */
    static Params initial(int inputs, int hidden, int classes, Random random) {
        Params p = new Params(inputs, hidden, classes);
        double a1 = Math.sqrt(6.0 / inputs);
        double a2 = Math.sqrt(6.0 / hidden);
        for (int j = 0; j < hidden; j++) {
            for (int i = 0; i < inputs; i++) {
                p.values[p.w1(j, i)] = (random.nextDouble() * 2 - 1) * a1;
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < hidden; j++) {
                p.values[p.w2(k, j)] = (random.nextDouble() * 2 - 1) * a2;
            }
        }
        return p;
    }

    Params copy() {
        Params p = new Params(inputs, hidden, classes);
        System.arraycopy(values, 0, p.values, 0, values.length);
        return p;
    }

    Params zerosLike() {
        return new Params(inputs, hidden, classes);
    }

    int w1(int j, int i) {
        return j * inputs + i;
    }

    int b1(int j) {
        return hidden * inputs + j;
    }

    int w2(int k, int j) {
        return hidden * inputs + hidden + k * hidden + j;
    }

    int b2(int k) {
        return hidden * inputs + hidden + classes * hidden + k;
    }

    /** First index of the readout's numbers: {@code [0, readoutStart)} is the hidden layer. */
    int readoutStart() {
        return hidden * inputs + hidden;
    }

    void clipHidden(double limit) {
        clip(0, readoutStart(), limit);
    }

    void clipReadout(double limit) {
        clip(readoutStart(), values.length, limit);
    }

    private void clip(int from, int to, double limit) {
        for (int n = from; n < to; n++) {
            values[n] = Math.max(-limit, Math.min(limit, values[n]));
        }
    }

    /** Largest magnitude over {@code [from, to)}, ignoring the top {@code 1 - quantile} share of entries. */
    double magnitudeQuantile(boolean readout, double quantile) {
        int from = readout ? readoutStart() : 0;
        int to = readout ? values.length : readoutStart();
        double[] m = new double[to - from];
        for (int n = from; n < to; n++) {
            m[n - from] = Math.abs(values[n]);
        }
        Arrays.sort(m);
        return m[(int) Math.min(m.length - 1, Math.floor(quantile * (m.length - 1)))];
    }

    void scale(boolean readout, double factor) {
        int from = readout ? readoutStart() : 0;
        int to = readout ? values.length : readoutStart();
        for (int n = from; n < to; n++) {
            values[n] *= factor;
        }
    }
}
