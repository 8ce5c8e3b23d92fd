package org.genrekit.features.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional numeric array read from or written to a {@code .npy} file: row-major (C order)
 * values held as doubles, with the element type it had on disk.
 *
 * @param shape  dimensions (empty for a scalar)
 * @param data   values in C order; length is the product of {@code shape}
 * @param dtype  the numpy type string, e.g. {@code <f4}, {@code <f8}, {@code <i8}
 */
public record NpyArray(int[] shape, double[] data, String dtype) {
    public NpyArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(dtype, "dtype");
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, data has " + data.length);
        }
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** The values as float (precision lost where the file held doubles). */
    public float[] toFloatArray() {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) data[i];
        return out;
    }

    /** A rank-2 array as {@code [rows][cols]} floats. */
    public float[][] toFloatMatrix() {
        if (shape.length != 2) throw new IllegalStateException("array has rank " + shape.length + ", not 2");
        float[][] m = new float[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < shape[1]; c++) m[r][c] = (float) data[r * shape[1] + c];
        }
        return m;
    }

    /** A rank-2 array as {@code [rows][cols]} doubles. */
    public double[][] toDoubleMatrix() {
        if (shape.length != 2) throw new IllegalStateException("array has rank " + shape.length + ", not 2");
        double[][] m = new double[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) System.arraycopy(data, r * shape[1], m[r], 0, shape[1]);
        return m;
    }

    public static NpyArray ofFloats(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) d[i] = values[i];
        return new NpyArray(new int[] {values.length}, d, "<f4");
    }

    public static NpyArray ofFloats(float[][] m) {
        int rows = m.length;
        int cols = rows == 0 ? 0 : m[0].length;
        double[] d = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (m[r].length != cols) throw new IllegalArgumentException("row " + r + " has " + m[r].length + " values, expected " + cols);
            for (int c = 0; c < cols; c++) d[r * cols + c] = m[r][c];
        }
        return new NpyArray(new int[] {rows, cols}, d, "<f4");
    }

    public static NpyArray ofDoubles(double[] values) {
        return new NpyArray(new int[] {values.length}, values.clone(), "<f8");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data) && dtype.equals(a.dtype);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape) + " " + dtype;
    }
}
