package org.scforge.sim.data;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PreprocessingTest {

    @Property(tries = 60)
    void splitIsExactDisjointAndStratified(@ForAll @IntRange(min = 20, max = 400) int size,
                                           @ForAll @IntRange(min = 1, max = 6) int classes,
                                           @ForAll long seed) {
        Random r = new Random(seed);
        int[] labels = new int[size];
        for (int n = 0; n < size; n++) {
            labels[n] = r.nextInt(classes);
        }
        int train = 1 + r.nextInt(size / 2);
        int test = r.nextInt(size - train + 1);
        StratifiedSplit split = StratifiedSplit.of(labels, train, test, seed);
        assertThat(split.train()).hasSize(train);
        assertThat(split.test()).hasSize(test);
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(split.train()).forEach(seen::add);
        Arrays.stream(split.test()).forEach(i -> assertThat(seen.add(i)).isTrue());
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            long inClass = Arrays.stream(labels).filter(l -> l == cls).count();
            long inTrain = Arrays.stream(split.train()).filter(i -> labels[i] == cls).count();
            assertThat((double) inTrain).isCloseTo((double) train * inClass / size, within(1.0));
        }
        StratifiedSplit again = StratifiedSplit.of(labels, train, test, seed);
        assertThat(again.train()).containsExactly(split.train());
        assertThat(again.test()).containsExactly(split.test());
    }

    @Test
    void pcaOfPointsOnALineFindsTheLine() {
        // points t * (1, 2) + small noise along (2, -1): mean (0, 0)
        double[][] rows = {{-2, -4}, {-1, -2}, {0, 0}, {1, 2}, {2, 4}, {0.2, -0.1}, {-0.2, 0.1}};
        Pca pca = Pca.fit(rows, 2);
        assertThat(pca.mean()[0]).isCloseTo(0, within(1e-12));
        assertThat(pca.components()[0][0]).isCloseTo(1 / Math.sqrt(5), within(1e-9));
        assertThat(pca.components()[0][1]).isCloseTo(2 / Math.sqrt(5), within(1e-9));
        // variance along (1,2)/sqrt5: sum of (t*sqrt5)^2 / (n-1) = 5 * 10 / 6
        assertThat(pca.explainedVariance()[0]).isCloseTo(50.0 / 6, within(1e-9));
        assertThat(pca.explainedVariance()[1]).isCloseTo(2 * 0.05 / 6, within(1e-9));
        assertThat(pca.transform(new double[] {1, 2})[0]).isCloseTo(Math.sqrt(5), within(1e-9));
    }

    @Property(tries = 5)
    void pcaComponentsAreOrthonormalAndMatchAFullEigendecomposition(@ForAll long seed) {
        Random r = new Random(seed);
        int d = 90;
        double[][] rows = new double[150][d];
        for (double[] row : rows) {
            for (int c = 0; c < d; c++) {
                // decaying variances, many zeros (like image pixels)
                row[c] = r.nextDouble() < 0.5 ? 0 : r.nextGaussian() * 10 / (1 + c);
            }
        }
        Pca pca = Pca.fit(rows, 5);
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += pca.components()[a][c] * pca.components()[b][c];
                }
                assertThat(dot).isCloseTo(a == b ? 1 : 0, within(1e-9));
            }
            if (a > 0) {
                assertThat(pca.explainedVariance()[a]).isLessThanOrEqualTo(pca.explainedVariance()[a - 1]);
            }
        }
        double[] expected = fullEigenvalues(rows);
        for (int k = 0; k < 5; k++) {
            assertThat(pca.explainedVariance()[k]).isCloseTo(expected[k], within(1e-6 * expected[0]));
        }
    }

    private static double[] fullEigenvalues(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int c = 0; c < d; c++) {
                mean[c] += row[c] / rows.length;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] row : rows) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (rows.length - 1);
                }
            }
        }
        double[] values = new EigenDecomposition(new Array2DRowRealMatrix(cov)).getRealEigenvalues();
        return Arrays.stream(values).boxed().sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
    }

    @Property(tries = 100)
    void quantisedCodesStayInRange(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int bits) {
        Random r = new Random(seed);
        double[][] rows = new double[50][4];
        for (double[] row : rows) {
            for (int c = 0; c < 4; c++) {
                row[c] = r.nextGaussian() * (c + 1) * 100;
            }
        }
        SignMagnitudeQuantiser sm = SignMagnitudeQuantiser.fit(rows, bits, 95);
        UnsignedQuantiser u = UnsignedQuantiser.fit(rows, bits);
        int max = (1 << bits) - 1;
        double[] probe = {r.nextGaussian() * 1e4, -1e6, 1e6, 0};
        for (int code : sm.encode(probe)) {
            assertThat(code).isBetween(-max, max);
        }
        for (int code : u.encode(probe)) {
            assertThat(code).isBetween(0, max);
        }
        assertThat(sm.encode(new double[] {1e9, -1e9, 0, sm.scales()[3]})).containsExactly(max, -max, 0, max);
        assertThat(sm.code().accepts(sm.encode(rows[0])[0])).isTrue();
    }

    @Test
    void shiftMovesPixelsAndAugmentKeepsLabels() {
        int[] image = new int[9];
        image[4] = 200; // centre of a 3x3 image
        assertThat(Augment.shift(image, 3, 3, 1, 0)[5]).isEqualTo(200);
        assertThat(Augment.shift(image, 3, 3, 0, -1)[1]).isEqualTo(200);
        Dataset d = new Dataset(3, 3, new int[][] {image}, new int[] {7});
        Dataset a = Augment.shifts(d, 1);
        assertThat(a.size()).isEqualTo(9);
        assertThat(Arrays.stream(a.labels()).distinct().toArray()).containsExactly(7);
        assertThat(Arrays.stream(a.pixels()).filter(p -> Arrays.equals(p, image)).count()).isEqualTo(1);
    }
}
