package org.scforge.sim;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.scforge.dsl.SobolDirections;
import org.scforge.dsl.Source;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Sobol sources equal commons-math3's SobolSequenceGenerator, which reads Joe and Kuo's
 * new-joe-kuo-6.21201 and also steps in Gray-code order. commons-math3 returns the point for count 0
 * (all zeros) first, like our {@code r(0) = 0}, and keeps 52-bit integers scaled to [0, 1): the top
 * {@code n} of those 52 bits are our n-bit {@code r(t)} for {@code t < 2^n}.
 */
class SobolCommonsMathTest {

    private static final int BITS = 52;
    private static final int MAX_WIDTH = 16;

    @Test
    void topBitsOfCommonsMathEqualSourceSequenceForEveryDimensionAndWidth() {
        int dimensions = SobolDirections.MAX_DIMENSION;
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimensions);
        long[][] points = new long[1 << MAX_WIDTH][];
        for (int t = 0; t < points.length; t++) {
            double[] point = generator.nextVector();
            points[t] = new long[dimensions];
            for (int d = 0; d < dimensions; d++) {
                points[t][d] = (long) Math.scalb(point[d], BITS);
            }
        }
        assertThat(points[0]).as("commons-math3 yields the point for count 0 first").containsOnly(0L);
        for (int d = 1; d <= dimensions; d++) {
            for (int n = 1; n <= MAX_WIDTH; n++) {
                long[] ours = SourceSequence.values(new Source.Sobol("s", n, d), 1 << n);
                for (int t = 0; t < ours.length; t++) {
                    long theirs = points[t][d - 1] >>> (BITS - n);
                    if (ours[t] != theirs) {
                        throw new AssertionError("dimension " + d + " width " + n + " step " + t + ": ours "
                                + ours[t] + ", commons-math3 " + theirs);
                    }
                }
            }
        }
    }
}
