package org.genrekit.backbone.mn;

import java.util.Arrays;
import java.util.Map;
import org.genrekit.backbone.weights.Tensor;

/**
 * Reads an MN network's state-dict tensors by name, checks their shapes, and folds each batch norm
 * into the convolution before it: eval mode uses the running statistics, so
 * {@code bn(conv(x)) = conv'(x) + b'} exactly up to rounding.
 */
final class MnWeights {
    static final float BN_EPS = 0.001f;

    /** A convolution with its batch norm folded in: weight {@code [out, inPerGroup, k, k]} and bias {@code [out]}. */
    record Folded(float[] weight, float[] bias) {
    }

    private final Map<String, Tensor> weights;

    MnWeights(Map<String, Tensor> weights) {
        this.weights = weights;
    }

    Tensor tensor(String name, int... shape) {
        Tensor t = weights.get(name);
        if (t == null) throw new IllegalArgumentException("weights have no tensor '" + name + "': not the MN network these weights are for");
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
        }
        return t;
    }

    float[] array(String name, int... shape) {
        return tensor(name, shape).data();
    }

    /** {@code PREFIX.0} convolution (no bias) followed by {@code PREFIX.1} batch norm, folded. */
    Folded conv(String prefix, int inPerGroup, int out, int kernel) {
        float[] w = tensor(prefix + ".0.weight", out, inPerGroup, kernel, kernel).data().clone();
        float[] gamma = tensor(prefix + ".1.weight", out).data();
        float[] beta = tensor(prefix + ".1.bias", out).data();
        float[] mean = tensor(prefix + ".1.running_mean", out).data();
        float[] var = tensor(prefix + ".1.running_var", out).data();
        float[] bias = new float[out];
        int per = w.length / out;
        for (int c = 0; c < out; c++) {
            float scale = (float) (gamma[c] / Math.sqrt(var[c] + BN_EPS));
            for (int i = 0; i < per; i++) w[c * per + i] *= scale;
            bias[c] = beta[c] - mean[c] * scale;
        }
        return new Folded(w, bias);
    }
}
