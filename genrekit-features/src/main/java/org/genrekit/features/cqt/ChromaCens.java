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

    /**
     * Streamed CENS, {@link #fromCqt} of the whole in two steps: each |CQT| column is folded and
     * quantised as it comes ({@link #quantise}: one byte per chroma, 0 to 4 quarters), then, with
     * every column in, each frame is smoothed over its neighbours and normalised ({@link #smoothed}).
     */
    public final class Streamed {
        private final ChromaCqt.ColumnFolder folder;
        private final float[] raw;
        private final double[] window;

        private Streamed(int nInput) {
            folder = chroma.folder(nInput);
            raw = new float[chroma.nChroma()];
            window = smoothingWindow();
        }

        /** Folds and quantises one |CQT| column into {@code q[off .. off + n_chroma)}. */
        public void quantise(float[] cqtColumn, byte[] q, int off) {
            folder.column(cqtColumn, raw);
            Normalize.column(raw, raw.length, 1.0);
            for (int p = 0; p < raw.length; p++) {
                int k = 0;
                for (double step : QUANT_STEPS) if (raw[p] > step) k++;
                q[off + p] = (byte) k;
            }
        }

        /** Frame {@code t} of the CENS of {@code frames} quantised columns ({@code q(s, p)} gives column s's chroma p). */
        public void smoothed(QuantisedColumns q, int frames, int t, float[] out) {
            int n = raw.length;
            if (window == null) {
                for (int p = 0; p < n; p++) out[p] = q.get(t, p) * (float) QUANT_WEIGHT;
            } else {
                int m = window.length;
                int centre = m / 2;
                for (int p = 0; p < n; p++) {
                    double acc = 0;
                    for (int i = 0; i < m; i++) {
                        int s = t + centre - i;
                        if (s >= 0 && s < frames) acc += window[i] * (q.get(s, p) * (float) QUANT_WEIGHT);
                    }
                    out[p] = (float) acc;
                }
            }
            Normalize.column(out, n, norm);
        }
    }

    /** Quantised chroma columns, as many as the signal has frames. */
    @FunctionalInterface
    public interface QuantisedColumns {
        /** Quarters (0..4) of chroma {@code p} in column {@code t}. */
        int get(int t, int p);
    }

    public Streamed streamed(int nInput) {
        return new Streamed(nInput);
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

    /** The unit-sum symmetric Hann of win_len_smooth + 2 points, or null for no smoothing. */
    private double[] smoothingWindow() {
        if (winLenSmooth == 0) return null;
        int m = winLenSmooth + 2;
        double[] w = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (m - 1));
            sum += w[i];
        }
        for (int i = 0; i < m; i++) w[i] /= sum;
        return w;
    }

    /** scipy.ndimage.convolve along time with mode='constant' and a centred, unit-sum symmetric Hann. */
    private float[][] smooth(float[][] q) {
        double[] w = smoothingWindow();
        int m = w.length;
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
