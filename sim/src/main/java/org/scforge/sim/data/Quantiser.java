package org.scforge.sim.data;

import org.scforge.dsl.Code;

/** Turns real features into the integer input codes of a network; fitted on training data only. */
public interface Quantiser {

    Code code();

    int[] encode(double[] features);

    default int[][] encodeAll(double[][] rows) {
        int[][] out = new int[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = encode(rows[r]);
        }
        return out;
    }

    /** A short description for model files and reports. */
    String describe();
}
