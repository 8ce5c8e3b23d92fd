package org.genrekit.backbone.mn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.audio.Signal;
import org.genrekit.backbone.SharedBackbone;
import org.genrekit.features.io.Npy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our mn04 against the upstream PyTorch implementation's outputs, window by window. */
class MnNetworkParityTest {
    static final List<String> INPUTS = List.of("b_chirp", "c_noise", "f_stereo44k", "g_music");
    static Mn04Backbone backbone;

    @BeforeAll
    static void load() {
        backbone = new Mn04Backbone(SharedBackbone.weights(), "test");
    }

    @AfterAll
    static void close() {
        if (backbone != null) backbone.close();
    }

    @Test
    void architectureMatchesTheStateDict() {
        MnArchitecture a = MnArchitecture.mn04();
        assertEquals(8, a.stemOut());
        assertEquals(384, a.lastConv());
        assertEquals(512, a.hidden());
        assertEquals(List.of(8, 16, 16, 16, 16, 16, 32, 32, 32, 32, 48, 48, 64, 64, 64), a.blocks().stream().map(MnArchitecture.Block::out).toList());
    }

    @Test
    void probabilitiesEmbeddingAndHiddenMatchUpstream() throws IOException {
        for (String input : INPUTS) {
            var d = SharedBackbone.golden(input);
            float[] y = Npy.read(d.resolve("y32k.npy")).toFloatArray();
            float[][] probs = Npy.read(d.resolve("probs.npy")).toFloatMatrix();
            float[][] emb = Npy.read(d.resolve("embedding.npy")).toFloatMatrix();
            float[][] hid = Npy.read(d.resolve("hidden.npy")).toFloatMatrix();
            Mn04Backbone.Analysis a = backbone.analyse(new Signal(y, 32000));
            assertEquals(probs.length, a.size(), input + ": windows");
            double[] starts = Npy.read(d.resolve("window_starts.npy")).data();
            List<Double> ours = new ArrayList<>();
            for (int[] w : a.windows()) ours.add((double) w[0]);
            assertEquals(java.util.Arrays.stream(starts).boxed().toList(), ours, input + ": window starts");
            for (int w = 0; w < a.size(); w++) {
                double maxAbs = 0;
                for (int c = 0; c < 527; c++) maxAbs = Math.max(maxAbs, Math.abs(a.outputs().probabilities()[w][c] - probs[w][c]));
                assertTrue(maxAbs <= 1e-4, input + " window " + w + ": probabilities differ by " + maxAbs);
                double e = relL2(a.outputs().embedding()[w], emb[w]);
                double h = relL2(a.outputs().hidden()[w], hid[w]);
                assertTrue(e <= 1e-4, input + " window " + w + ": embedding relative L2 " + e);
                assertTrue(h <= 1e-4, input + " window " + w + ": hidden relative L2 " + h);
            }
        }
    }

    static double relL2(float[] a, float[] b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            num += d * d;
            den += (double) b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }
}
