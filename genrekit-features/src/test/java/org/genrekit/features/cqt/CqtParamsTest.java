package org.genrekit.features.cqt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.genrekit.audio.Signal;
import org.junit.jupiter.api.Test;

/** Parameter validation, filter-bank invariants and basic behaviour without reference data. */
class CqtParamsTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsInvalidParameters() {
        CqtParams d = CqtParams.defaults();
        assertEquals("hop_length=0 must be a positive integer", message(() -> d.withHopLength(0)));
        assertEquals("fmin=-1.0 must be positive", message(() -> d.withFmin(-1)));
        assertEquals("n_bins=0 must be a positive integer", message(() -> d.withBins(0, 12)));
        assertEquals("bins_per_octave=0 must be a positive integer", message(() -> d.withBins(84, 0)));
        assertEquals("sparsity=1.0 must be in [0, 1)", message(() -> new CqtParams(512, 32.7, 84, 12, 1, 1, 1.0, true)));
        assertEquals("norm=3.0 must be 1, 2 or inf", message(() -> new CqtParams(512, 32.7, 84, 12, 1, 3, 0.01, true)));
        assertEquals("filter_scale=0.0 must be positive", message(() -> new CqtParams(512, 32.7, 84, 12, 0, 1, 0.01, true)));
        assertEquals("bins_per_octave=30 must be an integer multiple of n_chroma=12",
                message(() -> new ChromaCqt(512, 32.7, 12, 7, 30, Double.POSITIVE_INFINITY, 0, 0.0)));
        assertEquals("win_len_smooth=-1 must be a positive integer or None",
                message(() -> new ChromaCens(512, 32.7, 12, 7, 36, 0.0, 2, -1)));
        assertEquals("tuning=NaN must be finite", message(() -> new Cqt().magnitude(new Signal(new float[22050], 22050), Double.NaN)));
    }

    @Test
    void rejectsBinsAboveNyquist() {
        // 84 bins from C1 reach ~4 kHz: fine at 22050 Hz, beyond Nyquist at 8000 Hz.
        String m = message(() -> new Cqt().magnitude(new Signal(new float[8000], 8000), 0.0));
        assertTrue(m.startsWith("Wavelet basis with max frequency="), m);
        assertTrue(m.endsWith("would exceed the Nyquist frequency=4000.0. Try reducing the number of frequency bins."), m);
    }

    @Test
    void equalTemperedBandwidthAndFrequencies() {
        double[] f = new Cqt().frequencies(0.0);
        assertEquals(84, f.length);
        assertEquals(32.703195662574829, f[0], 1e-9);
        assertEquals(440.0, f[45], 1e-9); // A4 (MIDI 69) is 45 semitones above C1 (MIDI 24)
        double[] alpha = Wavelets.relativeBandwidth(f);
        double r = Math.pow(2, 1 / 12.0);
        for (double a : alpha) assertEquals((r * r - 1) / (r * r + 1), a, 1e-12);
    }

    @Test
    void sineLandsInItsBinAndChromaIsNormalised() {
        float[] y = new float[22050 * 2];
        for (int i = 0; i < y.length; i++) y[i] = (float) Math.sin(2 * Math.PI * 440.0 * i / 22050);
        Signal s = new Signal(y, 22050);
        float[][] c = new Cqt().magnitude(s, 0.0);
        assertEquals(84, c.length);
        assertEquals(1 + y.length / 512, c[0].length);
        int mid = c[0].length / 2;
        int best = 0;
        for (int k = 0; k < 84; k++) if (c[k][mid] > c[best][mid]) best = k;
        assertEquals(45, best);
        float[][] chroma = new ChromaCqt(512, CqtParams.C1_HZ, 12, 7, 36, Double.POSITIVE_INFINITY, 0.0, 0.0).compute(s);
        assertEquals(1f, chroma[9][mid], 1e-6f); // A
        float[][] ton = Tonnetz.fromChroma(chroma);
        assertEquals(6, ton.length);
        // Silence: chroma stays zero (no normalisation of empty frames), as librosa's.
        float[][] silent = new ChromaCqt(512, CqtParams.C1_HZ, 12, 7, 36, Double.POSITIVE_INFINITY, 0.0, 0.0)
                .compute(new Signal(new float[22050], 22050));
        for (float[] row : silent) assertArrayEquals(new float[row.length], row);
    }

    @Test
    void cqToChromaFoldsCentredBins() {
        float[][] m = CqToChroma.matrix(36, 36, 12, CqtParams.C1_HZ);
        // bin 0 (C) and its upper neighbour fold to C, bin 35 (a third of a semitone below C) too.
        assertEquals(1f, m[0][0]);
        assertEquals(1f, m[0][1]);
        assertEquals(1f, m[0][35]);
        assertEquals(1f, m[1][2]);
        for (int j = 0; j < 36; j++) {
            float sum = 0;
            for (float[] row : m) sum += row[j];
            assertEquals(1f, sum);
        }
    }
}
