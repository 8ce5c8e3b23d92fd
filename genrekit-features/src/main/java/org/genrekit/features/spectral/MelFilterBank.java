package org.genrekit.features.spectral;

import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;

/**
 * Triangular mel filters as {@code librosa.filters.mel} (Slaney mel scale and Slaney area
 * normalisation by default). Each filter is stored as its non-zero span only, so applying the
 * bank costs about two multiply-adds per FFT bin. Immutable.
 */
public final class MelFilterBank {
    private final int sampleRate;
    private final int nFft;
    private final int nMels;
    private final double fmin;
    private final double fmax;
    private final boolean htk;
    private final boolean slaneyNorm;
    private final int[] start;
    private final float[][] weights;

    /**
     * @param sampleRate  Hz
     * @param nFft        FFT size (filters cover n_fft/2 + 1 bins)
     * @param nMels       number of bands
     * @param fmin        lowest edge, Hz
     * @param fmax        highest edge, Hz (librosa's default is sampleRate / 2)
     * @param htk         HTK mel formula instead of Slaney's
     * @param slaneyNorm  divide each triangle by its mel band width (librosa norm='slaney'); false = no norm
     */
    public MelFilterBank(int sampleRate, int nFft, int nMels, double fmin, double fmax, boolean htk, boolean slaneyNorm) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.nFft = Params.positive("n_fft", nFft);
        this.nMels = Params.positive("n_mels", nMels);
        this.fmin = Params.nonNegative("fmin", fmin);
        this.fmax = Params.positive("fmax", fmax);
        if (fmin >= fmax) throw new IllegalArgumentException("fmin=" + fmin + " must be less than fmax=" + fmax);
        this.htk = htk;
        this.slaneyNorm = slaneyNorm;
        int bins = nFft / 2 + 1;
        double[] melF = MelScale.melFrequencies(nMels + 2, fmin, fmax, htk);
        this.start = new int[nMels];
        this.weights = new float[nMels][];
        float[] row = new float[bins];
        for (int m = 0; m < nMels; m++) {
            double lowerDiff = melF[m + 1] - melF[m];
            double upperDiff = melF[m + 2] - melF[m + 1];
            double enorm = slaneyNorm ? 2.0 / (melF[m + 2] - melF[m]) : 1.0;
            int first = -1;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) sampleRate / nFft;
                double lower = -(melF[m] - f) / lowerDiff;
                double upper = (melF[m + 2] - f) / upperDiff;
                double w = Math.max(0.0, Math.min(lower, upper));
                // librosa stores the triangle as float32 first, then scales it by enorm.
                float v = (float) ((float) w * enorm);
                row[k] = v;
                if (v != 0f) {
                    if (first < 0) first = k;
                    last = k;
                }
            }
            if (first < 0) {
                start[m] = 0;
                weights[m] = new float[0];
            } else {
                start[m] = first;
                weights[m] = java.util.Arrays.copyOfRange(row, first, last + 1);
            }
        }
    }

    /** librosa's defaults for a rate and FFT size: 128 Slaney bands from 0 to sr/2. */
    public static MelFilterBank of(int sampleRate, int nFft, int nMels) {
        return new MelFilterBank(sampleRate, nFft, nMels, 0.0, sampleRate / 2.0, false, true);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int nFft() {
        return nFft;
    }

    public int nMels() {
        return nMels;
    }

    public double fmin() {
        return fmin;
    }

    public double fmax() {
        return fmax;
    }

    public boolean htk() {
        return htk;
    }

    public boolean slaneyNorm() {
        return slaneyNorm;
    }

    public int bins() {
        return nFft / 2 + 1;
    }

    /** The dense matrix {@code [n_mels][n_fft/2 + 1]}, as librosa.filters.mel returns it. */
    public float[][] toArray() {
        float[][] out = new float[nMels][bins()];
        for (int m = 0; m < nMels; m++) System.arraycopy(weights[m], 0, out[m], start[m], weights[m].length);
        return out;
    }

    /** Applies the bank to one frame: {@code out[outBase + m] = sum_k W[m][k] * spec[specBase + k]}. */
    public void applyFrame(float[] spec, int specBase, float[] out, int outBase) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weights[m];
            int s = specBase + start[m];
            // Four partial sums: one chained sum waits on the add latency for every bin. The order
            // differs from BLAS's anyway (librosa projects with np.dot), so float rounding only.
            float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
            int len = w.length;
            int k = 0;
            for (; k + 3 < len; k += 4) {
                a0 += w[k] * spec[s + k];
                a1 += w[k + 1] * spec[s + k + 1];
                a2 += w[k + 2] * spec[s + k + 2];
                a3 += w[k + 3] * spec[s + k + 3];
            }
            for (; k < len; k++) a0 += w[k] * spec[s + k];
            out[outBase + m] = (a0 + a1) + (a2 + a3);
        }
    }

    /** Applies the bank to a whole spectrogram (frame-major, n_fft/2 + 1 rows). */
    public FrameMatrix apply(FrameMatrix spec) {
        if (spec.rows() != bins()) {
            throw new IllegalArgumentException("spectrogram has " + spec.rows() + " bins, the mel bank expects " + bins());
        }
        float[] out = new float[nMels * spec.frames()];
        for (int t = 0; t < spec.frames(); t++) applyFrame(spec.data(), t * spec.rows(), out, t * nMels);
        return new FrameMatrix(nMels, spec.frames(), out);
    }
}
