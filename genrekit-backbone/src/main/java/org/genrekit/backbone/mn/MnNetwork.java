package org.genrekit.backbone.mn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrekit.backbone.Engines;
import org.genrekit.backbone.weights.Tensor;

/**
 * EfficientAT's MN network in inference mode, written with DJL's PyTorch operators. Batch norms are
 * folded into the preceding convolutions when the weights load (eval mode uses the running
 * statistics, so {@code bn(conv(x)) = conv'(x) + b'} exactly up to rounding). The input is a batch
 * of normalised log-mels {@code [B, 1, n_mels, frames]}; the outputs are the embedding (global
 * average of the last feature map), the head's hidden layer and the 527 sigmoid probabilities.
 * Thread-safe: the weights are read-only and every call works in its own sub-manager.
 */
public final class MnNetwork implements AutoCloseable {
    private static final float BN_EPS = 0.001f;

    enum Act { NONE, RELU, HARDSWISH }

    private record Conv(NDArray weight, NDArray bias, int stride, int padding, int groups, Act act) {
        NDArray apply(NDArray x) {
            NDArray y = Conv2d.conv2d(x, weight, bias, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), groups).head();
            return activate(y, act);
        }
    }

    private record Excite(NDArray w1, NDArray b1, NDArray w2, NDArray b2) {
        NDArray apply(NDArray x) {
            NDArray s = spatialMean(x);
            s = Activation.relu(Linear.linear(s, w1, b1).head());
            s = Activation.sigmoid(Linear.linear(s, w2, b2).head());
            return x.muli(s.expandDims(2).expandDims(3));
        }
    }

    private record Stage(Conv expand, Conv depthwise, Excite excite, Conv project, boolean residual) {
        /** The caller still owns (and closes) {@code x}; intermediates are freed as soon as they are used. */
        NDArray apply(NDArray x) {
            NDArray y = expand == null ? x : expand.apply(x);
            NDArray z = depthwise.apply(y);
            if (y != x) y.close();
            if (excite != null) z = excite.apply(z);
            NDArray out = project.apply(z);
            z.close();
            return residual ? out.addi(x) : out;
        }
    }

    /** Per input of a batch: the 384-d embedding, the 512-d hidden layer, the 527 probabilities. */
    public record Outputs(float[][] embedding, float[][] hidden, float[][] probabilities) {
    }

    private final MnArchitecture arch;
    private final NDManager manager;
    private final Conv stem;
    private final List<Stage> stages;
    private final Conv last;
    private final NDArray fc1W;
    private final NDArray fc1B;
    private final NDArray fc2W;
    private final NDArray fc2B;

    private MnNetwork(MnArchitecture arch, NDManager manager, Conv stem, List<Stage> stages, Conv last,
                      NDArray fc1W, NDArray fc1B, NDArray fc2W, NDArray fc2B) {
        this.arch = arch;
        this.manager = manager;
        this.stem = stem;
        this.stages = List.copyOf(stages);
        this.last = last;
        this.fc1W = fc1W;
        this.fc1B = fc1B;
        this.fc2W = fc2W;
        this.fc2B = fc2B;
    }

    /** Builds the network from state-dict tensors; a missing or misshapen tensor is an error naming it. */
    public static MnNetwork load(MnArchitecture arch, Map<String, Tensor> weights) {
        NDManager m = Engines.engine().newBaseManager();
        try {
            Loader l = new Loader(weights, m);
            Conv stem = l.conv("features.0", 1, arch.stemOut(), 3, 2, 1, Act.HARDSWISH);
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < arch.blocks().size(); i++) {
                MnArchitecture.Block b = arch.blocks().get(i);
                String p = "features." + (i + 1) + ".block.";
                int layer = 0;
                Act act = b.hardswish() ? Act.HARDSWISH : Act.RELU;
                Conv expand = b.expands() ? l.conv(p + layer++, b.in(), b.expanded(), 1, 1, 1, act) : null;
                Conv dw = l.conv(p + layer++, 1, b.expanded(), b.kernel(), b.stride(), b.expanded(), act);
                Excite se = null;
                if (b.se()) {
                    String s = p + layer++ + ".conc_se_layers.0.";
                    se = new Excite(l.array(s + "fc1.weight", b.seSqueeze(), b.expanded()), l.array(s + "fc1.bias", b.seSqueeze()),
                            l.array(s + "fc2.weight", b.expanded(), b.seSqueeze()), l.array(s + "fc2.bias", b.expanded()));
                }
                Conv project = l.conv(p + layer, b.expanded(), b.out(), 1, 1, 1, Act.NONE);
                stages.add(new Stage(expand, dw, se, project, b.residual()));
            }
            int lastIn = arch.blocks().get(arch.blocks().size() - 1).out();
            Conv last = l.conv("features." + (arch.blocks().size() + 1), lastIn, arch.lastConv(), 1, 1, 1, Act.HARDSWISH);
            return new MnNetwork(arch, m, stem, stages, last,
                    l.array("classifier.2.weight", arch.hidden(), arch.lastConv()), l.array("classifier.2.bias", arch.hidden()),
                    l.array("classifier.5.weight", arch.numClasses(), arch.hidden()), l.array("classifier.5.bias", arch.numClasses()));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public MnArchitecture architecture() {
        return arch;
    }

    /**
     * Runs a batch of log-mels, each {@code [n_mels][frames]} (all of one size).
     */
    public Outputs forward(List<float[][]> mels) {
        if (mels.isEmpty()) throw new IllegalArgumentException("empty batch");
        int bands = mels.get(0).length;
        int frames = mels.get(0)[0].length;
        float[] flat = new float[mels.size() * bands * frames];
        int o = 0;
        for (float[][] mel : mels) {
            if (mel.length != bands || mel[0].length != frames) {
                throw new IllegalArgumentException("batch inputs differ in shape: " + bands + "x" + frames + " and " + mel.length + "x" + mel[0].length);
            }
            for (float[] row : mel) {
                System.arraycopy(row, 0, flat, o, frames);
                o += frames;
            }
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(flat, new Shape(mels.size(), 1, bands, frames));
            NDArray features = featureMap(x);
            NDArray emb = spatialMean(features);
            NDArray hidden = activate(Linear.linear(emb, fc1W, fc1B).head(), Act.HARDSWISH);
            NDArray probs = Activation.sigmoid(Linear.linear(hidden, fc2W, fc2B).head());
            return new Outputs(rows(emb), rows(hidden), rows(probs));
        }
    }

    /** The last feature map {@code [B, 384, F', T']} (what the head pools). */
    NDArray featureMap(NDArray x) {
        // Closing each block's input as soon as the next is computed lets the allocator reuse
        // memory instead of touching fresh pages: about a third of the time on one core.
        NDArray y = stem.apply(x);
        for (Stage s : stages) {
            NDArray next = s.apply(y);
            y.close();
            y = next;
        }
        NDArray out = last.apply(y);
        y.close();
        return out;
    }

    private static float[][] rows(NDArray a) {
        long[] s = a.getShape().getShape();
        float[] all = a.toFloatArray();
        float[][] out = new float[(int) s[0]][];
        int w = (int) s[1];
        for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOfRange(all, i * w, (i + 1) * w);
        return out;
    }

    /** Mean over frequency and time, {@code [B, C, F, T] -> [B, C]} (the engine reduces one axis at a time). */
    static NDArray spatialMean(NDArray x) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], s[2] * s[3]).mean(new int[] {2});
    }

    /** Applies {@code act}, consuming {@code x} (closed unless returned). */
    static NDArray activate(NDArray x, Act act) {
        switch (act) {
            case NONE:
                return x;
            case RELU: {
                NDArray r = Activation.relu(x);
                x.close();
                return r;
            }
            default: {
                // hardswish(x) = x * relu6(x + 3) / 6, with the last two steps in place
                NDArray t = x.add(3f);
                NDArray g = Activation.relu6(t);
                t.close();
                g.muli(x).divi(6f);
                x.close();
                return g;
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Reads tensors by name, checks their shapes and folds batch norms. */
    private record Loader(Map<String, Tensor> weights, NDManager manager) {
        Tensor tensor(String name, int... shape) {
            Tensor t = weights.get(name);
            if (t == null) throw new IllegalArgumentException("weights have no tensor '" + name + "': not the MN network these weights are for");
            if (!Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
            }
            return t;
        }

        NDArray array(String name, int... shape) {
            Tensor t = tensor(name, shape);
            return manager.create(t.data(), new Shape(t.longShape()));
        }

        /** {@code PREFIX.0} convolution (no bias) followed by {@code PREFIX.1} batch norm, folded. */
        Conv conv(String prefix, int inPerGroup, int out, int kernel, int stride, int groups, Act act) {
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
            NDArray wa = manager.create(w, new Shape(out, inPerGroup, kernel, kernel));
            NDArray ba = manager.create(bias, new Shape(out));
            return new Conv(wa, ba, stride, (kernel - 1) / 2, groups, act);
        }
    }
}
