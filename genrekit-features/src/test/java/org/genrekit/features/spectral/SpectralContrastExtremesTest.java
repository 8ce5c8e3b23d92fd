package org.genrekit.features.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vectorised k-smallest/k-largest path gives exactly what sorting each band gives. */
class SpectralContrastExtremesTest {
    @Test
    void lanesEqualSortingWithTiesZerosAndPartialBlocks() {
        Random rnd = new Random(5);
        int bins = 300;
        int[] lo = {0, 3, 10, 40, 100};
        int[] hi = {3, 9, 39, 99, 299};
        int[] q = {1, 1, 2, 3, 7};
        for (int frames : new int[] {1, 7, 256, 300, 600}) {
            float[] d = new float[bins * frames];
            for (int i = 0; i < d.length; i++) {
                int r = rnd.nextInt(8);
                d[i] = r == 0 ? 0f : r == 1 ? 0.5f : r == 2 ? Float.POSITIVE_INFINITY : (float) Math.abs(rnd.nextGaussian());
            }
            double[] vs = new double[lo.length * frames];
            double[] ps = new double[lo.length * frames];
            double[] vl = new double[lo.length * frames];
            double[] pl = new double[lo.length * frames];
            SpectralContrast.extremesBySorting(d, bins, frames, lo, hi, q, vs, ps);
            SpectralContrast.extremesByLanes(d, bins, frames, lo, hi, q, vl, pl);
            assertArrayEquals(vs, vl, "valleys, frames=" + frames);
            assertArrayEquals(ps, pl, "peaks, frames=" + frames);
        }
    }
}
