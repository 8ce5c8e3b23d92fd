package org.genrekit.backbone.weights;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named float32 tensor of a network's weights, row-major (C order), as PyTorch stores it.
 *
 * @param name  the state-dict key, e.g. {@code features.0.0.weight}
 * @param shape dimensions; empty for a scalar
 * @param data  the values; its length is the product of {@code shape}
 */
public record Tensor(String name, int[] shape, float[] data) {
    public Tensor {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("tensor " + name + " has a negative dimension: " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public long[] longShape() {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
