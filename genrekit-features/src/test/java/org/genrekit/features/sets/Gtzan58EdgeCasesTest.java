package org.genrekit.features.sets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrekit.audio.Signal;
import org.junit.jupiter.api.Test;

class Gtzan58EdgeCasesTest {
    @Test
    void shortSilentAndTinySignalsGiveFiniteVectors() {
        Gtzan58 g = new Gtzan58();
        Random rnd = new Random(1);
        for (int n : new int[] {1, 100, 2047, 2048, 5000}) {
            float[] noise = new float[n];
            for (int i = 0; i < n; i++) noise[i] = (float) (0.1 * rnd.nextGaussian());
            for (float[] y : new float[][] {noise, new float[n]}) {
                float[] v = g.extract(new Signal(y, 22050));
                assertEquals(58, v.length);
                assertEquals(n, v[0]);
                for (int i = 0; i < v.length; i++) assertTrue(Float.isFinite(v[i]), "n=" + n + " column " + g.columns().get(i) + " = " + v[i]);
            }
        }
        float[] silent = g.extract(new Signal(new float[22050], 22050));
        assertEquals(0f, silent[g.columns().indexOf("tempo")], "silence has no tempo");
        assertEquals(0f, silent[g.columns().indexOf("rms_mean")]);
    }

    @Test
    void refusesOtherRatesAndEmptySignals() {
        Gtzan58 g = new Gtzan58();
        assertEquals("signal is at 44100 Hz, this feature is configured for sr=22050",
                assertThrows(IllegalArgumentException.class, () -> g.extract(new Signal(new float[44100], 44100))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.extract(new Signal(new float[0], 22050)));
    }

    @Test
    void isThreadSafe() throws Exception {
        Gtzan58 g = new Gtzan58();
        Random rnd = new Random(3);
        float[] y = new float[22050 * 3];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.2 * Math.sin(i * 0.05) + 0.05 * rnd.nextGaussian());
        Signal s = new Signal(y, 22050);
        float[] expected = g.extract(s);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<float[]>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) fs.add(pool.submit(() -> g.extract(s)));
            for (Future<float[]> f : fs) assertArrayEquals(expected, f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
