package org.scforge.dsl;

import java.util.Arrays;

/** An immutable row-major matrix of ints (a layer's weight codes: one row per neuron, one column per input). */
public final class IntMatrix {

    private final int rows;
    private final int cols;
    private final int[] values;

    private IntMatrix(int rows, int cols, int[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    public static IntMatrix zeros(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix size " + rows + "x" + cols + " must not be negative");
        }
        return new IntMatrix(rows, cols, new int[rows * cols]);
    }

    /** A copy of {@code rows}, which must all have the same length. */
    public static IntMatrix of(int[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        int[] values = new int[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, values, r * cols, cols);
        }
        return new IntMatrix(rows.length, cols, values);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int get(int row, int col) {
        return values[row * cols + col];
    }

    public int[] row(int row) {
        return Arrays.copyOfRange(values, row * cols, (row + 1) * cols);
    }

    public int[][] toArray() {
        int[][] out = new int[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "IntMatrix[" + rows + "x" + cols + "]";
    }
}
