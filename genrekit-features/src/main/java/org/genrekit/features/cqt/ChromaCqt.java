package org.genrekit.features.cqt;

import java.util.Objects;
import org.genrekit.audio.Signal;

/**
 * Constant-Q chromagram, as {@code librosa.feature.chroma_cqt} 0.11 (cqt_mode 'full', no window):
 * |CQT| over n_octaves * bins_per_octave bins from fmin, folded to n_chroma pitch classes,
 * thresholded and normalised per frame. Immutable and thread-safe.
 */
public final class ChromaCqt {
    private final int hopLength;
    private final double fmin;
    private final int nChroma;
    private final int nOctaves;
    private final int binsPerOctave;
    private final double norm;
    private final double threshold;
    private final Double tuning;

    /**
     * @param norm      per-frame normalisation: +Infinity (max, librosa's default), 1, 2, or NaN for none
     * @param threshold values below it are set to 0 (librosa: 0.0)
     * @param tuning    tuning in fractions of a bin, or null to estimate it from the signal
     */
    public ChromaCqt(int hopLength, double fmin, int nChroma, int nOctaves, int binsPerOctave, double norm,
                     double threshold, Double tuning) {
        if (nChroma <= 0) throw new IllegalArgumentException("n_chroma=" + nChroma + " must be a positive integer");
        if (nOctaves <= 0) throw new IllegalArgumentException("n_octaves=" + nOctaves + " must be a positive integer");
        if (binsPerOctave <= 0) throw new IllegalArgumentException("bins_per_octave=" + binsPerOctave + " must be a positive integer");
        if (binsPerOctave % nChroma != 0) {
            throw new IllegalArgumentException("bins_per_octave=" + binsPerOctave + " must be an integer multiple of n_chroma=" + nChroma);
        }
        if (!(Double.isNaN(norm) || norm == 1 || norm == 2 || norm == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("norm=" + norm + " must be 1, 2, inf or NaN (none)");
        }
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must not be NaN");
        if (tuning != null && !Double.isFinite(tuning)) throw new IllegalArgumentException("tuning=" + tuning + " must be finite");
        new CqtParams(hopLength, fmin, nOctaves * binsPerOctave, binsPerOctave, 1, 1, 0.01, true); // validates the rest
        this.hopLength = hopLength;
        this.fmin = fmin;
        this.nChroma = nChroma;
        this.nOctaves = nOctaves;
        this.binsPerOctave = binsPerOctave;
        this.norm = norm;
        this.threshold = threshold;
        this.tuning = tuning;
    }

    /** librosa 0.11 defaults: hop 512, fmin C1, 12 chroma, 7 octaves, 36 bins per octave, inf-norm, estimated tuning. */
    public ChromaCqt() {
        this(512, CqtParams.C1_HZ, 12, 7, 36, Double.POSITIVE_INFINITY, 0.0, null);
    }

    public int binsPerOctave() {
        return binsPerOctave;
    }

    /** The CQT this chromagram is folded from. */
    public Cqt cqt() {
        return new Cqt(CqtParams.defaults().withHopLength(hopLength).withFmin(fmin).withBins(nOctaves * binsPerOctave, binsPerOctave));
    }

    /** Chromagram [n_chroma][frames] of the signal. */
    public float[][] compute(Signal signal) {
        Objects.requireNonNull(signal, "signal");
        Cqt cqt = cqt();
        double t = tuning != null ? tuning : Cqt.estimateTuning(signal, binsPerOctave);
        return fromCqt(cqt.magnitude(signal, t));
    }

    /**
     * {@link #fromCqt} one column at a time: {@code column(c, out)} folds the {@code nInput} bins of
     * one |CQT| frame into {@code out[0 .. n_chroma)}, the same sums, threshold and normalisation.
     */
    public ColumnFolder folder(int nInput) {
        return new ColumnFolder(CqToChroma.matrix(nInput, binsPerOctave, nChroma, fmin));
    }

    /** See {@link #folder}. */
    public final class ColumnFolder {
        private final float[][] map;

        private ColumnFolder(float[][] map) {
            this.map = map;
        }

        public void column(float[] c, float[] out) {
            for (int p = 0; p < nChroma; p++) {
                double a = 0;
                for (int b = 0; b < map[p].length; b++) {
                    if (map[p][b] != 0f) a += c[b];
                }
                float v = (float) a;
                out[p] = v < threshold ? 0f : v;
            }
            Normalize.column(out, nChroma, norm);
        }
    }

    public int nChroma() {
        return nChroma;
    }

    /**
     * Folds a precomputed |CQT| [bins][frames] (chroma_cqt(C=...)): the bins are read as
     * bins_per_octave per octave from fmin, whatever CQT produced them, as librosa does.
     */
    public float[][] fromCqt(float[][] c) {
        float[][] map = CqToChroma.matrix(c.length, binsPerOctave, nChroma, fmin);
        int frames = c.length == 0 ? 0 : c[0].length;
        double[][] acc = new double[nChroma][frames];
        for (int p = 0; p < nChroma; p++) {
            for (int b = 0; b < c.length; b++) {
                if (map[p][b] == 0f) continue;
                float[] row = c[b];
                double[] a = acc[p];
                for (int t = 0; t < frames; t++) a[t] += row[t];
            }
        }
        float[][] chroma = new float[nChroma][frames];
        for (int p = 0; p < nChroma; p++) {
            for (int t = 0; t < frames; t++) {
                float v = (float) acc[p][t];
                chroma[p][t] = v < threshold ? 0f : v;
            }
        }
        return Normalize.columns(chroma, norm);
    }
}
