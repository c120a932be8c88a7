package org.scforge.sim.data;

import org.scforge.dsl.Code;

import java.util.Arrays;

/**
 * Signed features to sign-magnitude codes: feature {@code i} is divided by its scale {@code s_i}, the
 * {@code percentile} of {@code |feature i|} over the training rows, so that value maps to the largest
 * magnitude; larger values are clipped. Per-feature scales let every input use its full code range
 * (a later linear layer absorbs the scale).
 */
public record SignMagnitudeQuantiser(Code code, double[] scales, double percentile) implements Quantiser {

    public static SignMagnitudeQuantiser fit(double[][] rows, int magnitudeBits, double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile " + percentile + " must be in (0, 100]");
        }
        int d = rows[0].length;
        double[] scales = new double[d];
        double[] column = new double[rows.length];
        for (int c = 0; c < d; c++) {
            for (int r = 0; r < rows.length; r++) {
                column[r] = Math.abs(rows[r][c]);
            }
            Arrays.sort(column);
            int at = (int) Math.min(rows.length - 1, Math.ceil(percentile / 100.0 * rows.length) - 1);
            scales[c] = column[Math.max(0, at)];
        }
        return new SignMagnitudeQuantiser(Code.signMagnitude(magnitudeBits), scales, percentile);
    }

    @Override
    public int[] encode(double[] features) {
        int max = code.maxMagnitude();
        int[] out = new int[features.length];
        for (int c = 0; c < features.length; c++) {
            double v = scales[c] == 0 ? 0 : features[c] / scales[c] * max;
            out[c] = (int) Math.max(-max, Math.min(max, Math.round(v)));
        }
        return out;
    }

    @Override
    public String describe() {
        return code.shortName() + ", per-feature scale = p" + percentile + " of |feature| on the training set";
    }
}
