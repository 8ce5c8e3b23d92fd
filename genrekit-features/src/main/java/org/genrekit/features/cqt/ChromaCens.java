package org.genrekit.features.cqt;

import java.util.Objects;
import org.genrekit.audio.Signal;

/**
 * Chroma Energy Normalized Statistics, as {@code librosa.feature.chroma_cens} 0.11: the
 * unnormalised CQT chroma, L1-normalised per frame, quantised on the steps 0.4/0.2/0.1/0.05
 * (a quarter each), smoothed in time by a Hann window of win_len_smooth + 2 symmetric points
 * (zero-padded ends), then normalised per frame. Immutable and thread-safe.
 */
public final class ChromaCens {
    private static final double[] QUANT_STEPS = {0.4, 0.2, 0.1, 0.05};
    private static final double QUANT_WEIGHT = 0.25;

    private final ChromaCqt chroma;
    private final double norm;
    private final int winLenSmooth;

    /**
     * @param winLenSmooth smoothing length in frames, &gt; 0, or 0 for none (librosa's None)
     * @param norm         final per-frame norm: 2 (default), 1, +Infinity, or NaN for none
     */
    public ChromaCens(int hopLength, double fmin, int nChroma, int nOctaves, int binsPerOctave, Double tuning,
                      double norm, int winLenSmooth) {
        if (winLenSmooth < 0) {
            throw new IllegalArgumentException("win_len_smooth=" + winLenSmooth + " must be a positive integer or None");
        }
        if (!(Double.isNaN(norm) || norm == 1 || norm == 2 || norm == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("norm=" + norm + " must be 1, 2, inf or NaN (none)");
        }
        this.chroma = new ChromaCqt(hopLength, fmin, nChroma, nOctaves, binsPerOctave, Double.NaN, 0.0, tuning);
        this.norm = norm;
        this.winLenSmooth = winLenSmooth;
    }

    /** librosa 0.11 defaults: hop 512, C1, 12 chroma, 7 octaves, 36 bins/octave, L2, smoothing 41. */
    public ChromaCens() {
        this(512, CqtParams.C1_HZ, 12, 7, 36, null, 2.0, 41);
    }

    public float[][] compute(Signal signal) {
        Objects.requireNonNull(signal, "signal");
        return fromChroma(chroma.compute(signal));
    }

    /** chroma_cens(C=...): from a precomputed |CQT| read with this set's bins per octave. */
    public float[][] fromCqt(float[][] c) {
        return fromChroma(chroma.fromCqt(c));
    }

    private float[][] fromChroma(float[][] raw) {
        float[][] x = Normalize.columns(raw, 1.0);
        int nChroma = x.length;
        int frames = nChroma == 0 ? 0 : x[0].length;
        float[][] quant = new float[nChroma][frames];
        for (int p = 0; p < nChroma; p++) {
            for (int t = 0; t < frames; t++) {
                float v = x[p][t];
                float q = 0f;
                for (double step : QUANT_STEPS) if (v > step) q += (float) QUANT_WEIGHT;
                quant[p][t] = q;
            }
        }
        float[][] smooth = winLenSmooth > 0 ? smooth(quant) : quant;
        return Normalize.columns(smooth, norm);
    }

    /** scipy.ndimage.convolve along time with mode='constant' and a centred, unit-sum symmetric Hann. */
    private float[][] smooth(float[][] q) {
        int m = winLenSmooth + 2;
        double[] w = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (m - 1));
            sum += w[i];
        }
        for (int i = 0; i < m; i++) w[i] /= sum;
        int centre = m / 2;
        float[][] out = new float[q.length][];
        for (int p = 0; p < q.length; p++) {
            float[] row = q[p];
            int n = row.length;
            float[] o = new float[n];
            for (int t = 0; t < n; t++) {
                double acc = 0;
                for (int i = 0; i < m; i++) {
                    // ndimage.convolve flips the kernel; symmetric here, so plain correlation
                    int s = t + centre - i;
                    if (s >= 0 && s < n) acc += w[i] * row[s];
                }
                o[t] = (float) acc;
            }
            out[p] = o;
        }
        return out;
    }
}
