package org.genrekit.features.backbone;

import org.genrekit.features.dsp.Params;

/**
 * Kaldi-style triangular mel filters, as {@code torchaudio.compliance.kaldi.get_mel_banks} builds
 * them (no VTLN warping), with the zero column for the Nyquist bin that EfficientAT appends. Mel is
 * {@code 1127 ln(1 + f / 700)}; triangles are equally spaced in mel between {@code fmin} and
 * {@code fmax} and are not area-normalised. The arithmetic is float32, as torch's, so the filters
 * equal the reference bit for bit.
 */
public final class KaldiMelBank {
    private final int nMels;
    private final int bins;
    /** First and one-past-last non-zero FFT bin of each filter, and the weights in between. */
    private final int[] from;
    private final int[] to;
    private final float[][] weights;

    public KaldiMelBank(int nMels, int nFft, double sampleRate, double fmin, double fmax) {
        this.nMels = Params.positive("n_mels", nMels);
        Params.positive("n_fft", nFft);
        Params.positive("sr", sampleRate);
        Params.nonNegative("fmin", fmin);
        Params.check(fmax > fmin && fmax <= sampleRate / 2, "fmax=" + fmax + " must be in (fmin=" + fmin + ", sr/2=" + sampleRate / 2 + "]");
        this.bins = nFft / 2 + 1;
        int fftBins = nFft / 2; // Kaldi's filters stop below Nyquist; the last bin's weight is 0
        double melLow = mel(fmin);
        double melHigh = mel(fmax);
        float delta = (float) ((melHigh - melLow) / (nMels + 1));
        float low = (float) melLow;
        float binWidth = (float) (sampleRate / nFft);
        float[] melOfBin = new float[fftBins];
        for (int k = 0; k < fftBins; k++) {
            float f = (float) k * binWidth;
            melOfBin[k] = 1127.0f * (float) Math.log(1.0f + f / 700.0f);
        }
        from = new int[nMels];
        to = new int[nMels];
        weights = new float[nMels][];
        for (int m = 0; m < nMels; m++) {
            float left = (float) m * delta + low;
            float center = (float) (m + 1.0f) * delta + low;
            float right = (float) (m + 2.0f) * delta + low;
            float[] w = new float[fftBins];
            int first = -1;
            int last = -1;
            for (int k = 0; k < fftBins; k++) {
                float up = (melOfBin[k] - left) / (center - left);
                float down = (right - melOfBin[k]) / (right - center);
                float v = Math.max(0f, Math.min(up, down));
                w[k] = v;
                if (v > 0) {
                    if (first < 0) first = k;
                    last = k;
                }
            }
            if (first < 0) {
                first = 0;
                last = -1;
            }
            from[m] = first;
            to[m] = last + 1;
            weights[m] = java.util.Arrays.copyOfRange(w, first, Math.max(first, last + 1));
        }
    }

    private static double mel(double hz) {
        return 1127.0 * Math.log(1.0 + hz / 700.0);
    }

    public int nMels() {
        return nMels;
    }

    /** Number of FFT bins the bank expects ({@code n_fft / 2 + 1}). */
    public int bins() {
        return bins;
    }

    /** The dense filter matrix {@code [n_mels][n_fft / 2 + 1]} (a copy). */
    public float[][] dense() {
        float[][] d = new float[nMels][bins];
        for (int m = 0; m < nMels; m++) System.arraycopy(weights[m], 0, d[m], from[m], weights[m].length);
        return d;
    }

    /** Mel energies of one power spectrum ({@code bins} values) into {@code out[0 .. n_mels)}. */
    public void apply(double[] power, double[] out) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weights[m];
            int f = from[m];
            double s = 0;
            for (int k = 0; k < w.length; k++) s += w[k] * power[f + k];
            out[m] = s;
        }
    }
}
