package io.vigil.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix of doubles: the one input type of every detector.
 * The backing array is shared, not copied, so hot loops read it directly; callers must not mutate
 * a matrix after handing it to a detector.
 */
public final class Matrix {
    private final double[] values;
    private final int rows;
    private final int cols;

    public Matrix(double[] values, int rows, int cols) {
        Objects.requireNonNull(values, "values");
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("rows and cols must be non-negative");
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(
                    "values has " + values.length + " entries but rows*cols is " + ((long) rows * cols));
        }
        this.values = values;
        this.rows = rows;
        this.cols = cols;
    }

    /** Copies a jagged array into a matrix; every row must have the same length. */
    public static Matrix of(double[][] data) {
        if (data.length == 0) {
            return new Matrix(new double[0], 0, 0);
        }
        int cols = data[0].length;
        double[] flat = new double[data.length * cols];
        for (int i = 0; i < data.length; i++) {
            if (data[i].length != cols) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + data[i].length + " values, expected " + cols);
            }
            System.arraycopy(data[i], 0, flat, i * cols, cols);
        }
        return new Matrix(flat, data.length, cols);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing row-major array (shared, not copied). */
    public double[] values() {
        return values;
    }

    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        return Arrays.copyOfRange(values, row * cols, (row + 1) * cols);
    }

    /** A copy of one column. */
    public double[] column(int col) {
        double[] out = new double[rows];
        for (int i = 0, p = col; i < rows; i++, p += cols) {
            out[i] = values[p];
        }
        return out;
    }

    /** A new matrix holding the given rows, in the given order. */
    public Matrix selectRows(int[] indices) {
        double[] out = new double[indices.length * cols];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * cols, out, i * cols, cols);
        }
        return new Matrix(out, indices.length, cols);
    }

    /** A new matrix of rows [from, to). */
    public Matrix slice(int from, int to) {
        return new Matrix(Arrays.copyOfRange(values, from * cols, to * cols), to - from, cols);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
