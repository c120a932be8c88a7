package org.scforge.sim.data;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Principal component analysis fitted on training rows only: the mean, the top {@code n} eigenvectors of
 * the covariance (unit length, each signed so that its largest-magnitude entry is positive, which makes
 * the fit deterministic) and the variance each one explains, largest first.
 *
 * @param mean               per input column
 * @param components         {@code n x columns}, orthonormal rows
 * @param explainedVariance  eigenvalues of the covariance, descending
 */
public record Pca(double[] mean, double[][] components, double[] explainedVariance) {

    public static Pca fit(double[][] rows, int n) {
        if (rows.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, got " + rows.length);
        }
        int d = rows[0].length;
        if (n < 1 || n > d) {
            throw new IllegalArgumentException("PCA components " + n + " must be between 1 and " + d);
        }
        double[] mean = new double[d];
        for (double[] row : rows) {
            for (int c = 0; c < d; c++) {
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= rows.length;
        }
        RealMatrix covariance = new Array2DRowRealMatrix(covariance(rows, mean), false);
        // Many columns and few components: find the top subspace first (randomized subspace iteration,
        // Halko, Martinsson and Tropp 2011) and decompose the covariance only there.
        RealMatrix basis = null;
        int sub = Math.min(d, n + OVERSAMPLING);
        if (d > 2 * sub) {
            basis = topSubspace(covariance, sub);
            covariance = basis.transpose().multiply(covariance).multiply(basis);
        }
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -values[k]).thenComparingInt(k -> k));
        double[][] components = new double[n][];
        double[] variance = new double[n];
        for (int k = 0; k < n; k++) {
            org.apache.commons.math3.linear.RealVector vector = eigen.getEigenvector(order[k]);
            double[] v = (basis == null ? vector : basis.operate(vector)).toArray();
            int largest = 0;
            for (int c = 1; c < d; c++) {
                if (Math.abs(v[c]) > Math.abs(v[largest]) + 1e-12) {
                    largest = c;
                }
            }
            if (v[largest] < 0) {
                for (int c = 0; c < d; c++) {
                    v[c] = -v[c];
                }
            }
            components[k] = v;
            variance[k] = Math.max(0, values[order[k]]);
        }
        return new Pca(mean, components, variance);
    }

    private static final int OVERSAMPLING = 20;
    private static final int POWER_ITERATIONS = 6;

    /** An orthonormal basis ({@code d x size}) of the dominant invariant subspace of symmetric {@code c}. */
    private static RealMatrix topSubspace(RealMatrix c, int size) {
        java.util.Random random = new java.util.Random(0x5ca1ab1eL);
        double[][] start = new double[c.getRowDimension()][size];
        for (double[] row : start) {
            for (int k = 0; k < size; k++) {
                row[k] = random.nextGaussian();
            }
        }
        RealMatrix q = orthonormal(new BlockRealMatrix(start));
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            q = orthonormal(c.multiply(q));
        }
        return q;
    }

    /** Modified Gram-Schmidt on the columns of {@code m} (thin: commons-math's QR would build a full d x d Q). */
    private static RealMatrix orthonormal(RealMatrix m) {
        double[][] cols = m.transpose().getData();
        for (int k = 0; k < cols.length; k++) {
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int r = 0; r < cols[k].length; r++) {
                    dot += cols[k][r] * cols[p][r];
                }
                for (int r = 0; r < cols[k].length; r++) {
                    cols[k][r] -= dot * cols[p][r];
                }
            }
            double norm = 0;
            for (double v : cols[k]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < cols[k].length; r++) {
                cols[k][r] = norm == 0 ? 0 : cols[k][r] / norm;
            }
        }
        return new Array2DRowRealMatrix(cols, false).transpose();
    }

    /**
     * The sample covariance, summed over the non-zero entries of each row only ({@code sum x x^T - n m m^T}):
     * image rows are mostly background, which makes this many times faster than a dense product.
     */
    private static double[][] covariance(double[][] rows, double[] mean) {
        int d = mean.length;
        double[][] sum = new double[d][d];
        int[] nonZero = new int[d];
        for (double[] row : rows) {
            int count = 0;
            for (int c = 0; c < d; c++) {
                if (row[c] != 0) {
                    nonZero[count++] = c;
                }
            }
            for (int a = 0; a < count; a++) {
                int i = nonZero[a];
                double xi = row[i];
                double[] target = sum[i];
                for (int b = a; b < count; b++) {
                    target[nonZero[b]] += xi * row[nonZero[b]];
                }
            }
        }
        int n = rows.length;
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v = (sum[i][j] - n * mean[i] * mean[j]) / (n - 1);
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        return cov;
    }

    public int size() {
        return components.length;
    }

    /** The projection of one row onto the components. */
    public double[] transform(double[] row) {
        double[] out = new double[components.length];
        for (int k = 0; k < components.length; k++) {
            double sum = 0;
            double[] v = components[k];
            for (int c = 0; c < row.length; c++) {
                sum += (row[c] - mean[c]) * v[c];
            }
            out[k] = sum;
        }
        return out;
    }

    public double[][] transformAll(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = transform(rows[r]);
        }
        return out;
    }
}
