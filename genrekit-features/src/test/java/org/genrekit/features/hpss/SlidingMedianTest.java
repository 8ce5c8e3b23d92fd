package org.genrekit.features.hpss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingMedianTest {
    /** Brute force with scipy's 'reflect' boundary. */
    static float[] naive(float[] x, int w) {
        int n = x.length;
        int h = w / 2;
        float[] out = new float[n];
        float[] win = new float[w];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < w; k++) win[k] = x[SlidingMedian.reflect(i - h + k, n)];
            Arrays.sort(win);
            out[i] = win[h];
        }
        return out;
    }

    @Test
    void matchesBruteForceIncludingTiesAndShortInputs() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 2, 5, 14, 15, 16, 31, 100, 1025}) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) x[i] = rnd.nextInt(4) == 0 ? 0f : (float) rnd.nextGaussian();
            for (int w : new int[] {1, 3, 31}) {
                float[] out = new float[n];
                new SlidingMedian(w).filter(x, 0, 1, n, out, 0, 1);
                assertArrayEquals(naive(x, w), out, "n=" + n + " w=" + w);
            }
        }
    }

    @Test
    void reflectIsScipysMode() {
        // d c b a | a b c d | d c b a
        assertEquals(0, SlidingMedian.reflect(-1, 4));
        assertEquals(3, SlidingMedian.reflect(-4, 4));
        assertEquals(3, SlidingMedian.reflect(4, 4));
        assertEquals(0, SlidingMedian.reflect(7, 4));
        assertEquals(0, SlidingMedian.reflect(8, 4));
    }

    @Test
    void rejectsEvenWidth() {
        assertEquals("kernel_size=4 must be a positive odd integer",
                assertThrows(IllegalArgumentException.class, () -> new SlidingMedian(4)).getMessage());
        assertEquals("Margins must be >= 1.0. A typical range is between 1 and 10.",
                assertThrows(IllegalArgumentException.class, () -> new Hpss(31, 31, 2, 0.5, 1)).getMessage());
    }
}
