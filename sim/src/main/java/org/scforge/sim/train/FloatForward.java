package org.scforge.sim.train;

/**
 * The float forward pass: {@code z = W1 x + b1}; hidden activation either a ReLU (the float reference) or
 * the rate model of an integrate-and-fire layer, {@code clip(gain * z, 0, 1)}; logits {@code W2 h + b2}.
 */
record FloatForward(double[][] inputs, boolean clipped, double gain) implements Forward {

    static FloatForward relu(double[][] inputs) {
        return new FloatForward(inputs, false, 1);
    }

    static FloatForward rate(double[][] inputs, double gain) {
        return new FloatForward(inputs, true, gain);
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
        double[] v = p.values;
        double[] h = new double[p.hidden];
        double[] slope = new double[p.hidden];
        for (int j = 0; j < p.hidden; j++) {
            double z = v[p.b1(j)];
            int row = p.w1(j, 0);
            for (int i = 0; i < p.inputs; i++) {
                z += v[row + i] * x[i];
            }
            if (clipped) {
                double r = gain * z;
                h[j] = Math.max(0, Math.min(1, r));
                slope[j] = r > 0 && r < 1 ? gain : 0;
            } else {
                h[j] = Math.max(0, z);
                slope[j] = z > 0 ? 1 : 0;
            }
        }
        double[] logits = new double[p.classes];
        for (int k = 0; k < p.classes; k++) {
            double z = v[p.b2(k)];
            int row = p.w2(k, 0);
            for (int j = 0; j < p.hidden; j++) {
                z += v[row + j] * h[j];
            }
            logits[k] = z;
        }
        return new Activations(h, slope, logits, 1);
    }

    /** The predicted class of every row of {@code rows}. */
    int[] predict(Params p, double[][] rows) {
        FloatForward f = new FloatForward(rows, clipped, gain);
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = Backprop.argmax(f.one(p, rows[r]).logits());
        }
        return out;
    }
}
