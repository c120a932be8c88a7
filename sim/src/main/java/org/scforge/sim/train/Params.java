package org.scforge.sim.train;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The trainable numbers of a network's {@link Stage}s, in one flat vector so that the optimiser and gradient
 * sums treat them alike: stage by stage, its weights (row by row) then its biases. For
 * {@code inputs -> hidden -> classes}: hidden weights, hidden biases, readout weights, readout biases.
 */
final class Params {

    final List<Stage> stages;
    /** First index of each stage's numbers, and the total at the end. */
    private final int[] offsets;
    final double[] values;

    Params(List<Stage> stages) {
        this.stages = List.copyOf(stages);
        this.offsets = new int[stages.size() + 1];
        for (int l = 0; l < stages.size(); l++) {
            offsets[l + 1] = offsets[l] + stages.get(l).parameters();
        }
        this.values = new double[offsets[stages.size()]];
    }

    Params(int inputs, int hidden, int classes) {
        this(Stage.twoLayer(inputs, hidden, classes));
    }

    /** He-style uniform initialisation from {@code random}, stage by stage; biases 0. */
    static Params initial(List<Stage> stages, Random random) {
        Params p = new Params(stages);
        for (int l = 0; l < stages.size(); l++) {
            Stage s = stages.get(l);
            double a = Math.sqrt(6.0 / s.fanIn());
            for (int j = 0; j < s.rows(); j++) {
                for (int i = 0; i < s.fanIn(); i++) {
                    p.values[p.weight(l, j, i)] = (random.nextDouble() * 2 - 1) * a;
                }
            }
        }
        return p;
    }

    static Params initial(int inputs, int hidden, int classes, Random random) {
        return initial(Stage.twoLayer(inputs, hidden, classes), random);
    }

    Params copy() {
        Params p = zerosLike();
        System.arraycopy(values, 0, p.values, 0, values.length);
        return p;
    }

    Params zerosLike() {
        return new Params(stages);
    }

    int weight(int stage, int row, int i) {
        return offsets[stage] + row * stages.get(stage).fanIn() + i;
    }

    int bias(int stage, int row) {
        Stage s = stages.get(stage);
        return offsets[stage] + s.rows() * s.fanIn() + row;
    }

    int readout() {
        return stages.size() - 1;
    }

    int classes() {
        return stages.get(readout()).outputs();
    }

    /** The readout's inputs. */
    int hidden() {
        return stages.get(readout()).inputs();
    }

    int w1(int j, int i) {
        return weight(0, j, i);
    }

    int b1(int j) {
        return bias(0, j);
    }

    int w2(int k, int j) {
        return weight(readout(), k, j);
    }

    int b2(int k) {
        return bias(readout(), k);
    }

    /** First index of the readout's numbers: {@code [0, readoutStart)} are the hidden stages. */
    int readoutStart() {
        return offsets[readout()];
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

    /** Largest magnitude over the readout or the hidden stages, ignoring the top {@code 1 - quantile} share. */
    double magnitudeQuantile(boolean readout, double quantile) {
        return readout ? magnitudeQuantile(readoutStart(), values.length, quantile)
                : magnitudeQuantile(0, readoutStart(), quantile);
    }

    /** Largest magnitude of stage {@code stage}'s numbers, ignoring the top {@code 1 - quantile} share. */
    double stageQuantile(int stage, double quantile) {
        return magnitudeQuantile(offsets[stage], offsets[stage + 1], quantile);
    }

    private double magnitudeQuantile(int from, int to, double quantile) {
        double[] m = new double[to - from];
        for (int n = from; n < to; n++) {
            m[n - from] = Math.abs(values[n]);
        }
        Arrays.sort(m);
        return m[(int) Math.min(m.length - 1, Math.floor(quantile * (m.length - 1)))];
    }

    void scale(boolean readout, double factor) {
        if (readout) {
            scaleStage(readout(), factor);
        } else {
            for (int n = 0; n < readoutStart(); n++) {
                values[n] *= factor;
            }
        }
    }

    void scaleStage(int stage, double factor) {
        for (int n = offsets[stage]; n < offsets[stage + 1]; n++) {
            values[n] *= factor;
        }
    }
}
