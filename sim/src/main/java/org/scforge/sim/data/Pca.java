package org.scforge.sim.data;

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
        double[][] centred = new double[rows.length][d];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < d; c++) {
                centred[r][c] = rows[r][c] - mean[c];
            }
        }
        RealMatrix x = new BlockRealMatrix(centred);
        RealMatrix covariance = x.transpose().multiply(x).scalarMultiply(1.0 / (rows.length - 1));
        EigenDecomposition eigen = new EigenDecomposition(covariance);
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -values[k]).thenComparingInt(k -> k));
        double[][] components = new double[n][];
        double[] variance = new double[n];
        for (int k = 0; k < n; k++) {
            double[] v = eigen.getEigenvector(order[k]).toArray();
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
