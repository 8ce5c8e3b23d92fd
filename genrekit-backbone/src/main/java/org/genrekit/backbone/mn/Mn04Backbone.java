package org.genrekit.backbone.mn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.store.Backbones;
import org.genrekit.backbone.store.InstalledBackbone;
import org.genrekit.backbone.weights.Tensor;
import org.genrekit.features.backbone.EfficientAtMel;

/**
 * The mn04 AudioSet network with its front end: a 32 kHz signal in, per 10 s window the embedding,
 * the head's hidden layer and the 527 AudioSet probabilities out. Windows go through the network in
 * small batches, so memory stays bounded on long files. Thread-safe.
 */
public final class Mn04Backbone implements AutoCloseable {
    public static final String NAME = "mn04";
    public static final int SAMPLE_RATE = 32000;
    public static final int WINDOW_SAMPLES = 10 * SAMPLE_RATE;
    /**
     * Windows per forward pass. One at a time measured faster on one core than three in a batch
     * (12 against 15 ms per window): a batch's feature maps no longer fit the caches.
     */
    static final int BATCH = 1;

    private static volatile Mn04Backbone installed;

    private final EfficientAtMel frontEnd = EfficientAtMel.audioSet();
    private final MnNetwork network;
    private final String sha256;

    public Mn04Backbone(Map<String, Tensor> weights, String sha256) {
        this.network = MnNetwork.load(MnArchitecture.mn04(), weights);
        this.sha256 = sha256;
    }

    /** The installed backbone, loaded once per JVM; a missing one is a {@link org.genrekit.backbone.store.BackboneMissingException}. */
    public static Mn04Backbone installed() {
        Mn04Backbone b = installed;
        if (b == null) {
            synchronized (Mn04Backbone.class) {
                b = installed;
                if (b == null) {
                    InstalledBackbone ib = Backbones.require(NAME);
                    try {
                        installed = b = new Mn04Backbone(Backbones.loadWeights(ib), ib.sha256());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }
        return b;
    }

    /** Forgets the JVM-wide instance (after a reinstall, or in tests). */
    public static synchronized void reset() {
        Mn04Backbone b = installed;
        installed = null;
        if (b != null) b.close();
    }

    /** SHA-256 of the weights file it was installed from. */
    public String sha256() {
        return sha256;
    }

    public EfficientAtMel frontEnd() {
        return frontEnd;
    }

    /** Per-window outputs and where each window lies. */
    public record Analysis(List<int[]> windows, MnNetwork.Outputs outputs) {
        public int size() {
            return windows.size();
        }

        /** The mean over windows of one output ({@code embedding}, {@code hidden} or {@code probabilities}). */
        public static float[] mean(float[][] rows) {
            float[] m = new float[rows[0].length];
            double[] s = new double[m.length];
            for (float[] r : rows) for (int j = 0; j < r.length; j++) s[j] += r[j];
            for (int j = 0; j < m.length; j++) m[j] = (float) (s[j] / rows.length);
            return m;
        }
    }

    public Analysis analyse(Signal signal) {
        if (signal.sampleRate() != SAMPLE_RATE) {
            throw new IllegalArgumentException("mn04 needs audio at " + SAMPLE_RATE + " Hz, got " + signal.sampleRate() + " Hz");
        }
        List<int[]> windows = WindowPlan.windows(signal.length(), WINDOW_SAMPLES);
        int n = windows.size();
        float[][] emb = new float[n][];
        float[][] hid = new float[n][];
        float[][] prob = new float[n][];
        for (int b = 0; b < n; b += BATCH) {
            int end = Math.min(n, b + BATCH);
            List<float[][]> mels = new ArrayList<>();
            // A short last window of a single-window track has its own size; batch only equal shapes.
            for (int w = b; w < end; w++) mels.add(frontEnd.compute(signal.samples(), windows.get(w)[0], windows.get(w)[1]));
            MnNetwork.Outputs o = network.forward(mels);
            for (int w = b; w < end; w++) {
                emb[w] = o.embedding()[w - b];
                hid[w] = o.hidden()[w - b];
                prob[w] = o.probabilities()[w - b];
            }
        }
        return new Analysis(windows, new MnNetwork.Outputs(emb, hid, prob));
    }

    @Override
    public void close() {
        network.close();
    }
}
