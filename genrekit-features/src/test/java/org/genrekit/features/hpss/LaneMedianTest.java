package org.genrekit.features.hpss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LaneMedianTest {
    /** Values with many ties, both zeros, negatives and infinities. */
    private static float draw(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> 0f;
            case 1 -> -0f;
            case 2 -> 1f;
            case 3 -> Float.POSITIVE_INFINITY;
            case 4 -> Float.NEGATIVE_INFINITY;
            default -> (float) rnd.nextGaussian();
        };
    }

    @Test
    void equalsTheSortedWindowFilterOnEverySeries() {
        Random rnd = new Random(11);
        for (int positions : new int[] {1, 2, 5, 16, 31, 32, 100}) {
            for (int lanes : new int[] {1, 3, 64, 65, 130}) {
                float[] x = new float[positions * lanes];
                for (int i = 0; i < x.length; i++) x[i] = draw(rnd);
                for (int w : new int[] {1, 3, 31}) {
                    float[] expected = new float[x.length];
                    SlidingMedian ref = new SlidingMedian(w);
                    for (int l = 0; l < lanes; l++) ref.filter(x, l, lanes, positions, expected, l, lanes);
                    float[] got = new float[x.length];
                    new LaneMedian(w).filter(x, positions, lanes, got);
                    // Bit-exact (assertArrayEquals on floats tells -0.0 from 0.0).
                    assertArrayEquals(expected, got, "positions=" + positions + " lanes=" + lanes + " width=" + w);
                }
            }
        }
    }

    @Test
    void reusedInstanceGivesTheSameResult() {
        Random rnd = new Random(3);
        float[] x = new float[200 * 70];
        for (int i = 0; i < x.length; i++) x[i] = Math.abs((float) rnd.nextGaussian());
        LaneMedian m = new LaneMedian(31);
        float[] a = new float[x.length];
        float[] b = new float[x.length];
        m.filter(x, 200, 70, a);
        m.filter(x, 200, 70, b);
        assertArrayEquals(a, b);
        float[] expected = new float[x.length];
        SlidingMedian ref = new SlidingMedian(31);
        for (int l = 0; l < 70; l++) ref.filter(x, l, 70, 200, expected, l, 70);
        assertArrayEquals(expected, a);
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new LaneMedian(4));
        assertThrows(IllegalArgumentException.class, () -> new LaneMedian(0));
        LaneMedian m = new LaneMedian(3);
        assertThrows(IllegalArgumentException.class, () -> m.filter(new float[5], 3, 2, new float[6]));
        assertThrows(IllegalArgumentException.class, () -> m.filter(new float[6], 0, 2, new float[6]));
    }
}
