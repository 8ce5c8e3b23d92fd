package org.genrekit.backbone.mn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The activations of the MN network (and of heads put on it). */
public enum MnActivation {
    NONE, RELU, HARDSWISH;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Activation.relu(x);
            case HARDSWISH -> x.mul(Activation.relu6(x.add(3f))).div(6f);
        };
    }

    /** Mean over frequency and time, {@code [B, C, F, T] -> [B, C]} (the engine reduces one axis at a time). */
    public static NDArray spatialMean(NDArray x) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], s[2] * s[3]).mean(new int[] {2});
    }
}
