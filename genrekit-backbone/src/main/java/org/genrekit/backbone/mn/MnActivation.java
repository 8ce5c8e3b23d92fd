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

    /**
     * Inference only: the same result, consuming {@code x} (closed unless returned) and working in
     * place where it can, so the allocator reuses memory instead of touching fresh pages. Never
     * inside a gradient recording: autograd needs the inputs it would overwrite.
     */
    public NDArray applyConsuming(NDArray x) {
        switch (this) {
            case NONE:
                return x;
            case RELU: {
                NDArray r = Activation.relu(x);
                x.close();
                return r;
            }
            default: {
                NDArray t = x.add(3f);
                NDArray g = Activation.relu6(t);
                t.close();
                g.muli(x).divi(6f);
                x.close();
                return g;
            }
        }
    }

    /** Mean over frequency and time, {@code [B, C, F, T] -> [B, C]} (the engine reduces one axis at a time). */
    public static NDArray spatialMean(NDArray x) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], s[2] * s[3]).mean(new int[] {2});
    }
}
