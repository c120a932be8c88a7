package org.scforge.sim.train;

/**
 * Softmax cross-entropy gradients of the two-layer network, summed sample by sample in the order given,
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
     * Adds the gradient of one sample's loss to {@code gradient} and returns the loss.
     *
     * @param readoutWeights the readout weights the backward pass uses (the float masters)
     */
    static double accumulate(Params readoutWeights, double[] x, Activations a, int label, Params gradient) {
        double[] p = softmax(a.logits());
        double loss = -Math.log(Math.max(p[label], 1e-12));
        int hidden = gradient.hidden;
        double[] dh = new double[hidden];
        double[] g = gradient.values;
        double t = a.temperature();
        for (int k = 0; k < p.length; k++) {
            double dk = t * (p[k] - (k == label ? 1 : 0));
            if (dk == 0) {
                continue;
            }
            g[gradient.b2(k)] += dk;
            int row = gradient.w2(k, 0);
            for (int j = 0; j < hidden; j++) {
                g[row + j] += dk * a.hidden()[j];
                dh[j] += dk * readoutWeights.values[row + j];
            }
        }
        for (int j = 0; j < hidden; j++) {
            double dz = dh[j] * a.slope()[j];
            if (dz == 0) {
                continue;
            }
            g[gradient.b1(j)] += dz;
            int row = gradient.w1(j, 0);
            for (int i = 0; i < x.length; i++) {
                g[row + i] += dz * x[i];
            }
        }
        return loss;
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
