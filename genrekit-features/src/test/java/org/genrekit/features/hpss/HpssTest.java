package org.genrekit.features.hpss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrekit.audio.Signal;
import org.junit.jupiter.api.Test;

class HpssTest {
    @Test
    void sineIsHarmonicClicksArePercussiveAndPartsSumToInput() {
        int sr = 22050;
        float[] y = new float[sr * 2];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / sr));
        for (int k = 0; k < 8; k++) y[k * sr / 4 + 100] += 0.9f;
        float[][] hp = Hpss.defaults().effects(new Signal(y, sr));
        assertEquals(y.length, hp[0].length);
        double resid = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - hp[0][i] - hp[1][i];
            resid += r * r;
            total += (double) y[i] * y[i];
        }
        // Soft masks sum to one, so the parts add back up to the input (up to float rounding).
        assertTrue(resid / total < 1e-8, "residual " + resid / total);
        // The percussive part concentrates at the clicks; the harmonic part carries the sine elsewhere.
        int c = sr / 4 + 100;
        double pNear = energy(hp[1], c - 50, c + 50);
        double pFar = energy(hp[1], c + 2000, c + 2100);
        double hFar = energy(hp[0], c + 2000, c + 2100);
        assertTrue(pNear > 10 * pFar, "percussive near a click " + pNear + " vs away " + pFar);
        assertTrue(hFar > 20 * pFar, "harmonic " + hFar + " vs percussive " + pFar + " away from clicks");
    }

    @Test
    void scratchReuseAcrossLengthsDoesNotLeak() {
        int sr = 22050;
        java.util.Random rnd = new java.util.Random(5);
        float[] longY = new float[sr * 3];
        for (int i = 0; i < longY.length; i++) longY[i] = (float) rnd.nextGaussian();
        float[] shortY = java.util.Arrays.copyOf(longY, sr);
        Hpss h = Hpss.defaults();
        float[] fresh = h.effects(new Signal(shortY, sr))[0];
        h.effects(new Signal(longY, sr)); // grows this thread's scratch
        float[] again = h.effects(new Signal(shortY, sr))[0];
        org.junit.jupiter.api.Assertions.assertArrayEquals(fresh, again);
    }

    private static double energy(float[] x, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) e += (double) x[i] * x[i];
        return e;
    }
}
