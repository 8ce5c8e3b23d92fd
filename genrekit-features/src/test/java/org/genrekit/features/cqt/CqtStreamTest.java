package org.genrekit.features.cqt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.genrekit.audio.Signal;
import org.junit.jupiter.api.Test;

/** The streamed CQT equals the whole one, column for column, bit for bit. */
class CqtStreamTest {
    private static float[] signal(int n, long seed) {
        Random r = new Random(seed);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (0.3 * Math.sin(i * 0.02 + 0.00001 * i * i / 100) + 0.2 * Math.sin(i * 0.0031) + 0.05 * r.nextGaussian());
        }
        return y;
    }

    private static void same(Cqt cqt, int sr, int n, int block, double tuning) {
        float[] y = signal(n, n + sr);
        float[][] whole = cqt.magnitude(new Signal(y, sr), tuning);
        List<float[]> columns = new ArrayList<>();
        try (CqtStream s = new CqtStream(cqt, sr, tuning, n, (t, c) -> {
            assertEquals(columns.size(), t);
            columns.add(c.clone());
        })) {
            for (int i = 0; i < n; i += block) s.accept(y.clone(), i, Math.min(block, n - i));
            assertEquals(whole[0].length, s.finish(), "columns at " + sr + " Hz, n=" + n);
        }
        for (int t = 0; t < whole[0].length; t++) {
            float[] want = new float[whole.length];
            for (int k = 0; k < want.length; k++) want[k] = whole[k][t];
            assertArrayEquals(want, columns.get(t), "column " + t + " at " + sr + " Hz, n=" + n + ", blocks of " + block);
        }
    }

    @Test
    void fmaCqtStreamsExactly() {
        Cqt fma = new Cqt(CqtParams.defaults().withHopLength(512).withBins(84, 12));
        same(fma, 22050, 22050 * 12 + 77, 4096, 0.0);
        same(fma, 44100, 44100 * 12 + 5, 1000, -0.13);
        same(fma, 48000, 48000 * 3, 65536, 0.2);
        same(fma, 44100, 5000, 333, 0.0);
    }

    @Test
    void librosaDefaultCqtStreamsExactly() {
        same(new Cqt(), 22050, 22050 * 8 + 1, 7777, 0.05);
    }
}
