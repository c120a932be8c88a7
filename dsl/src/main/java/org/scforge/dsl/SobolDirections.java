package org.scforge.dsl;

/**
 * Sobol direction numbers for the first dimensions, after S. Joe and F. Y. Kuo, "Constructing Sobol
 * sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008), table
 * new-joe-kuo-6.21201 (the same table commons-math3's SobolSequenceGenerator reads). The test
 * {@code SobolSourceTest} in the simulator checks these against commons-math3.
 */
public final class SobolDirections {

    /** Per dimension 2..: degree s, coefficient word a, initial m values. Dimension 1 is implicit (all m = 1). */
    private static final int[][] PRIMITIVE = {
            // s, a, m1..ms
            {1, 0, 1},
            {2, 1, 1, 3},
            {3, 1, 1, 3, 1},
            {3, 2, 1, 1, 1},
            {4, 1, 1, 1, 3, 3},
            {4, 4, 1, 3, 5, 13},
            {5, 2, 1, 1, 5, 5, 17},
            {5, 4, 1, 1, 5, 5, 5},
            {5, 7, 1, 1, 7, 11, 19},
            {5, 11, 1, 1, 5, 1, 1},
            {5, 13, 1, 1, 1, 3, 11},
            {5, 14, 1, 3, 5, 5, 31},
            {6, 1, 1, 3, 3, 9, 7, 49},
            {6, 13, 1, 1, 1, 15, 21, 21},
            {6, 16, 1, 3, 1, 13, 27, 49},
    };

    public static final int MAX_DIMENSION = PRIMITIVE.length + 1;
    public static final int MAX_WIDTH = 32;

    private SobolDirections() {
    }

    /**
     * The direction numbers {@code v[0..width-1]} of one dimension as {@code width}-bit integers:
     * {@code v[i]} has its leading one at bit {@code width - 1 - i}.
     */
    public static long[] directions(int dimension, int width) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol dimension " + dimension + " is not tabulated; use 1 to "
                    + MAX_DIMENSION);
        }
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("Sobol width " + width + " must be 1 to " + MAX_WIDTH);
        }
        long[] m = new long[width];
        if (dimension == 1) {
            java.util.Arrays.fill(m, 1);
        } else {
            int[] row = PRIMITIVE[dimension - 2];
            int s = row[0];
            int a = row[1];
            for (int i = 0; i < Math.min(s, width); i++) {
                m[i] = row[2 + i];
            }
            for (int i = s; i < width; i++) {
                long value = m[i - s] ^ (m[i - s] << s);
                for (int k = 1; k < s; k++) {
                    if (((a >>> (s - 1 - k)) & 1) != 0) {
                        value ^= m[i - k] << k;
                    }
                }
                m[i] = value;
            }
        }
        long[] v = new long[width];
        for (int i = 0; i < width; i++) {
            v[i] = m[i] << (width - 1 - i);
        }
        return v;
    }
}
