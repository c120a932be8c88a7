package org.scforge.sim.train;

import java.util.Random;

/**
 * The rate model as a frame of {@code length} steps sees it (the rate phase of a network trained for short
 * bitstreams): every spiking stage's rates {@code clip(gain * z, 0, 1)} rounded to the {@code length + 1} spike counts a
 * frame can give, and every logit perturbed by the error of the readout's AND products. The readout's input
 * {@code j} fires {@code n_j = h_j L} times; the readout weight {@code w} will be the stream probability
 * {@code p = min(1, |w| / scale)} once the readout is divided by {@code scale} (the readout magnitude at
 * {@code readoutQuantile}, as {@link ScTrainer} will choose it), and counting {@code n_j} samples of it
 * misses {@code n_j p} by a binomial error of variance {@code n_j p (1 - p)}. So logit {@code k} gets
 * Gaussian noise of standard deviation {@code noise * scale * sqrt(sum_j h_j p_kj (1 - p_kj) / L)} (the
 * bias is a synapse whose input always fires). Gradients go straight through the rounding and the noise;
 * the noise teaches margins that the counts at {@code L} keep.
 *
 * <p>Deterministic: the noise comes from {@code random}, drawn in sample order.
 */
record ShortStreamRate(FloatForward rate, int length, double readoutQuantile, double noise, Random random)
        implements Forward {

    @Override
    public Activations[] run(Params params, int[] batch) {
        double[] v = params.values;
        double scale = Math.max(1e-9, params.magnitudeQuantile(true, readoutQuantile));
        FloatForward counts = rate.roundedTo(length);
        Activations[] out = new Activations[batch.length];
        for (int s = 0; s < batch.length; s++) {
            Activations a = counts.one(params, rate.inputs()[batch[s]]);
            double[] h = a.hidden();
            double[] logits = a.logits();
            for (int k = 0; noise > 0 && k < params.classes(); k++) {
                int row = params.w2(k, 0);
                double variance = binomial(v[params.b2(k)], scale);
                for (int j = 0; j < params.hidden(); j++) {
                    variance += h[j] * binomial(v[row + j], scale);
                }
                logits[k] += noise * scale * Math.sqrt(variance / length) * random.nextGaussian();
            }
            out[s] = a;
        }
        return out;
    }

    /** {@code p (1 - p)} of the stream probability {@code p = min(1, |w| / scale)}. */
    private static double binomial(double w, double scale) {
        double p = Math.min(1, Math.abs(w) / scale);
        return p * (1 - p);
    }
}
