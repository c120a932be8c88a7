package org.scforge.sim.train;

/**
 * The float forward pass, stage by stage: a dense or conv stage computes {@code z = W x + b} (a conv kernel at
 * every position, padding reading 0); a spiking stage's activation is either a ReLU (the float reference) or
 * the rate model of integrate-and-fire neurons, {@code clip(gain * z, 0, 1)}, rounded to the {@code levels + 1}
 * spike counts of a frame when {@code levels > 0} (the gradient ignores the rounding); a pool is
 * {@code P(any fired) = 1 - prod(1 - h)} in the rate model (independent spikes), a max with ReLUs; the readout's
 * {@code z} are the logits.
 *
 * @param gains one gain for every spiking stage, or one per stage
 */
record FloatForward(double[][] inputs, boolean clipped, double[] gains, int levels) implements Forward {

    static FloatForward relu(double[][] inputs) {
        return new FloatForward(inputs, false, new double[] {1}, 0);
    }

    static FloatForward rate(double[][] inputs, double gain) {
        return new FloatForward(inputs, true, new double[] {gain}, 0);
    }

    static FloatForward rate(double[][] inputs, double[] gains) {
        return new FloatForward(inputs, true, gains, 0);
    }

    FloatForward roundedTo(int length) {
        return new FloatForward(inputs, clipped, gains, length);
    }

    private double gain(int stage) {
        return gains.length == 1 ? gains[0] : gains[stage];
    }

    @Override
    public Activations[] run(Params params, int[] batch) {
        Activations[] out = new Activations[batch.length];
        for (int s = 0; s < batch.length; s++) {
            out[s] = one(params, inputs[batch[s]]);
        }
        return out;
    }

    Activations one(Params p, double[] x) {
        return one(p, x, null);
    }

    /**
     * One sample; with {@code measured} (the outputs a bit-exact pass gave each stage before the readout) every
     * stage reads the measured outputs of the one before and its slopes are taken there (straight-through).
     */
    Activations one(Params p, double[] x, double[][] measured) {
        int stages = p.stages.size();
        double[][] outputs = new double[stages - 1][];
        double[][] slopes = new double[stages - 1][];
        double[] in = x;
        double[] logits = null;
        for (int l = 0; l < stages; l++) {
            Stage stage = p.stages.get(l);
            if (stage instanceof Stage.Pool pool) {
                outputs[l] = new double[pool.outputs()];
                slopes[l] = new double[pool.outputs() * pool.window()];
                pool(pool, in, outputs[l], slopes[l]);
            } else {
                double[] z = sums(p, l, in);
                if (l == stages - 1) {
                    logits = z;
                    break;
                }
                slopes[l] = new double[z.length];
                outputs[l] = activate(z, gain(l), slopes[l]);
            }
            in = measured != null ? measured[l] : outputs[l];
        }
        return new Activations(outputs, slopes, logits, 1);
    }

    /** The weighted sums of stage {@code l} on {@code in}. */
    private static double[] sums(Params p, int l, double[] in) {
        double[] v = p.values;
        Stage stage = p.stages.get(l);
        double[] z = new double[stage.outputs()];
        if (stage instanceof Stage.Conv conv) {
            int taps = conv.fanIn();
            for (int pos = 0; pos < conv.positions(); pos++) {
                for (int k = 0; k < conv.channels(); k++) {
                    double sum = v[p.bias(l, k)];
                    int row = p.weight(l, k, 0);
                    for (int q = 0; q < taps; q++) {
                        int i = conv.taps()[pos * taps + q];
                        if (i >= 0) {
                            sum += v[row + q] * in[i];
                        }
                    }
                    z[pos * conv.channels() + k] = sum;
                }
            }
        } else {
            for (int j = 0; j < z.length; j++) {
                double sum = v[p.bias(l, j)];
                int row = p.weight(l, j, 0);
                for (int i = 0; i < stage.inputs(); i++) {
                    sum += v[row + i] * in[i];
                }
                z[j] = sum;
            }
        }
        return z;
    }

    private double[] activate(double[] z, double gain, double[] slope) {
        double[] h = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            if (clipped) {
                double r = gain * z[j];
                h[j] = Math.max(0, Math.min(1, r));
                slope[j] = r > 0 && r < 1 ? gain : 0;
                if (levels > 0) {
                    h[j] = Math.round(h[j] * levels) / (double) levels;
                }
            } else {
                h[j] = Math.max(0, z[j]);
                slope[j] = z[j] > 0 ? 1 : 0;
            }
        }
        return h;
    }

    private void pool(Stage.Pool pool, double[] in, double[] out, double[] slope) {
        int window = pool.window();
        for (int j = 0; j < out.length; j++) {
            int from = j * window;
            if (clipped) {
                double none = 1;
                for (int q = 0; q < window; q++) {
                    none *= 1 - in[pool.taps()[from + q]];
                    double others = 1;
                    for (int r = 0; r < window; r++) {
                        others *= r == q ? 1 : 1 - in[pool.taps()[from + r]];
                    }
                    slope[from + q] = others;
                }
                out[j] = 1 - none;
            } else {
                int best = 0;
                for (int q = 1; q < window; q++) {
                    if (in[pool.taps()[from + q]] > in[pool.taps()[from + best]]) {
                        best = q;
                    }
                }
                out[j] = in[pool.taps()[from + best]];
                slope[from + best] = 1;
            }
        }
    }

    /** The predicted class of every row of {@code rows}. */
    int[] predict(Params p, double[][] rows) {
        FloatForward f = new FloatForward(rows, clipped, gains, levels);
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = Backprop.argmax(f.one(p, rows[r]).logits());
        }
        return out;
    }
}
