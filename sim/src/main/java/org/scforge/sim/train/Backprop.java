package org.scforge.sim.train;

/**
 * Softmax cross-entropy gradients of a network of {@link Stage}s, summed sample by sample in the order given,
 * so that the result does not depend on how the forward passes were scheduled.
 */
final class Backprop {

    private Backprop() {
    }

    /** Softmax probabilities of {@code logits}, computed stably. */
    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < logits.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /**
     * Adds the gradient of one sample's loss to {@code gradient} and returns the loss. Stage by stage from the
     * readout down: a kernel's gradient is the sum over its positions (in position order).
     *
     * @param weights the weights the backward pass uses (the float masters)
     */
    static double accumulate(Params weights, double[] x, Activations a, int label, Params gradient) {
        double[] p = softmax(a.logits());
        double loss = -Math.log(Math.max(p[label], 1e-12));
        double t = a.temperature();
        double[] delta = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            delta[k] = t * (p[k] - (k == label ? 1 : 0));
        }
        for (int l = gradient.readout(); l >= 0; l--) {
            Stage stage = gradient.stages.get(l);
            double[] in = l == 0 ? x : a.outputs()[l - 1];
            double[] dIn = l == 0 ? null : new double[in.length];
            if (stage instanceof Stage.Pool pool) {
                for (int j = 0; j < pool.outputs(); j++) {
                    for (int q = 0; q < pool.window(); q++) {
                        dIn[pool.taps()[j * pool.window() + q]] += delta[j] * a.slopes()[l][j * pool.window() + q];
                    }
                }
            } else if (stage instanceof Stage.Conv conv) {
                convBackward(weights, gradient, l, conv, in, delta, dIn);
            } else {
                denseBackward(weights, gradient, l, stage, in, delta, dIn);
            }
            if (l > 0) {
                delta = dIn;
                if (gradient.stages.get(l - 1).spiking()) {
                    double[] slope = a.slopes()[l - 1];
                    for (int j = 0; j < delta.length; j++) {
                        delta[j] *= slope[j];
                    }
                }
            }
        }
        return loss;
    }

    private static void denseBackward(Params weights, Params gradient, int l, Stage stage, double[] in, double[] delta,
                                      double[] dIn) {
        double[] g = gradient.values;
        for (int k = 0; k < stage.outputs(); k++) {
            double dk = delta[k];
            if (dk == 0) {
                continue;
            }
            g[gradient.bias(l, k)] += dk;
            int row = gradient.weight(l, k, 0);
            for (int i = 0; i < in.length; i++) {
                g[row + i] += dk * in[i];
                if (dIn != null) {
                    dIn[i] += dk * weights.values[row + i];
                }
            }
        }
    }

    private static void convBackward(Params weights, Params gradient, int l, Stage.Conv conv, double[] in,
                                     double[] delta, double[] dIn) {
        double[] g = gradient.values;
        int taps = conv.fanIn();
        for (int pos = 0; pos < conv.positions(); pos++) {
            for (int k = 0; k < conv.channels(); k++) {
                double dk = delta[pos * conv.channels() + k];
                if (dk == 0) {
                    continue;
                }
                g[gradient.bias(l, k)] += dk;
                int row = gradient.weight(l, k, 0);
                for (int q = 0; q < taps; q++) {
                    int i = conv.taps()[pos * taps + q];
                    if (i >= 0) {
                        g[row + q] += dk * in[i];
                        if (dIn != null) {
                            dIn[i] += dk * weights.values[row + q];
                        }
                    }
                }
            }
        }
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
