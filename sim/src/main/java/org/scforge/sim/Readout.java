package org.scforge.sim;

/** The readout rule: the class is the index of the largest count, ties to the lowest index. */
public final class Readout {

    private Readout() {
    }

    public static int argmax(int[] counts) {
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }
}
