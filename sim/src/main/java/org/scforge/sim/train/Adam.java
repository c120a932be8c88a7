package org.scforge.sim.train;

/** The Adam optimiser (Kingma and Ba) over a flat parameter vector, with optional decoupled weight decay. */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[] m;
    private final double[] v;
    private final double weightDecay;
    private int steps;

    Adam(int size, double weightDecay) {
        this.m = new double[size];
        this.v = new double[size];
        this.weightDecay = weightDecay;
    }

    /** One step of size {@code rate} against {@code gradient} (already averaged over the batch). */
    void step(double[] params, double[] gradient, double rate) {
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int n = 0; n < params.length; n++) {
            double g = gradient[n];
            m[n] = BETA1 * m[n] + (1 - BETA1) * g;
            v[n] = BETA2 * v[n] + (1 - BETA2) * g * g;
            params[n] -= rate * ((m[n] / c1) / (Math.sqrt(v[n] / c2) + EPSILON) + weightDecay * params[n]);
        }
    }
}
