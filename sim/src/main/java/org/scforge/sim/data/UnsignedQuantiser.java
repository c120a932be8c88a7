package org.scforge.sim.data;

import org.scforge.dsl.Code;

/**
 * Features to unsigned codes by one min-max range over all features of the training rows (raw pixels keep
 * their relative brightness); values outside the range are clipped.
 */
public record UnsignedQuantiser(Code code, double min, double max) implements Quantiser {

    public static UnsignedQuantiser fit(double[][] rows, int bits) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : rows) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new UnsignedQuantiser(Code.unsigned(bits), lo, hi);
    }

    @Override
    public int[] encode(double[] features) {
        int top = code.maxMagnitude();
        int[] out = new int[features.length];
        for (int c = 0; c < features.length; c++) {
            double v = max == min ? 0 : (features[c] - min) / (max - min) * top;
            out[c] = (int) Math.max(0, Math.min(top, Math.round(v)));
        }
        return out;
    }

    @Override
    public String describe() {
        return code.shortName() + ", min-max " + min + " .. " + max + " on the training set";
    }
}
