package org.genrekit.backbone.mn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.genrekit.backbone.Engines;
import org.genrekit.backbone.weights.Tensor;

/**
 * EfficientAT's MN network in inference mode: the {@link MnFeatures} block (batch norms folded into
 * the convolutions) and the AudioSet head, run with DJL's PyTorch operators. The input is a batch
 * of normalised log-mels {@code [B, 1, n_mels, frames]}; the outputs are the embedding (global
 * average of the last feature map), the head's hidden layer and the 527 sigmoid probabilities.
 * Thread-safe: the weights are read-only and every call works in its own sub-manager.
 */
public final class MnNetwork implements AutoCloseable {
    /** Per input of a batch: the 384-d embedding, the 512-d hidden layer, the 527 probabilities. */
    public record Outputs(float[][] embedding, float[][] hidden, float[][] probabilities) {
    }

    private final MnArchitecture arch;
    private final NDManager manager;
    private final MnFeatures features;
    private final NDArray fc1W;
    private final NDArray fc1B;
    private final NDArray fc2W;
    private final NDArray fc2B;

    private MnNetwork(MnArchitecture arch, NDManager manager, MnFeatures features, NDArray fc1W, NDArray fc1B, NDArray fc2W, NDArray fc2B) {
        this.arch = arch;
        this.manager = manager;
        this.features = features;
        this.fc1W = fc1W;
        this.fc1B = fc1B;
        this.fc2W = fc2W;
        this.fc2B = fc2B;
    }

    /** Builds the network from state-dict tensors; a missing or misshapen tensor is an error naming it. */
    public static MnNetwork load(MnArchitecture arch, Map<String, Tensor> weights) {
        MnFeatures features = MnFeatures.pretrained(arch, weights);
        MnWeights w = new MnWeights(weights);
        float[] w1 = w.array("classifier.2.weight", arch.hidden(), arch.lastConv()), b1 = w.array("classifier.2.bias", arch.hidden());
        float[] w2 = w.array("classifier.5.weight", arch.numClasses(), arch.hidden()), b2 = w.array("classifier.5.bias", arch.numClasses());
        NDManager m = Engines.engine().newBaseManager();
        try {
            features.freezeParameters(true);
            // Parameter shapes are fixed by the architecture; the input shape only has to be plausible.
            features.initialize(m, DataType.FLOAT32, new Shape(1, 1, 128, 1000));
            return new MnNetwork(arch, m, features, m.create(w1, new Shape(arch.hidden(), arch.lastConv())), m.create(b1, new Shape(arch.hidden())),
                    m.create(w2, new Shape(arch.numClasses(), arch.hidden())), m.create(b2, new Shape(arch.numClasses())));
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
            NDArray emb = MnActivation.spatialMean(featureMap(x));
            NDArray hidden = MnActivation.HARDSWISH.apply(Linear.linear(emb, fc1W, fc1B).head());
            NDArray probs = Activation.sigmoid(Linear.linear(hidden, fc2W, fc2B).head());
            return new Outputs(rows(emb), rows(hidden), rows(probs));
        }
    }

    /** The last feature map {@code [B, 384, F', T']} (what the head pools). */
    NDArray featureMap(NDArray x) {
        return features.infer(x);
    }

    private static float[][] rows(NDArray a) {
        long[] s = a.getShape().getShape();
        float[] all = a.toFloatArray();
        float[][] out = new float[(int) s[0]][];
        int w = (int) s[1];
        for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOfRange(all, i * w, (i + 1) * w);
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
