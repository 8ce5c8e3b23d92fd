package org.genrekit.features.cqt;

/**
 * Frequencies, bandwidths and lengths of constant-Q wavelets, as {@code librosa.cqt_frequencies},
 * {@code filters._relative_bandwidth} and {@code filters.wavelet_lengths} (gamma = 0) compute them.
 */
final class Wavelets {
    /** Equivalent noise bandwidth of the Hann window in bins (librosa's WINDOW_BANDWIDTHS['hann']). */
    static final double HANN_BANDWIDTH = 1.50018310546875;

    private Wavelets() {
    }

    /** fmin * 2^(k / bins_per_octave), k = 0..n-1. */
    static double[] frequencies(int nBins, double fmin, int binsPerOctave) {
        double[] f = new double[nBins];
        for (int k = 0; k < nBins; k++) f[k] = fmin * Math.pow(2.0, k / (double) binsPerOctave);
        return f;
    }

    /**
     * Relative bandwidth of each bin from the local spacing of log2 frequencies (one-sided at the
     * ends). For an equal-tempered grid every value is (r^2 - 1) / (r^2 + 1), r = 2^(1/bpo).
     */
    static double[] relativeBandwidth(double[] freqs) {
        int n = freqs.length;
        if (n <= 1) throw new IllegalArgumentException("2 or more frequencies are required to compute bandwidths. Given freqs=" + n);
        double[] logf = new double[n];
        for (int i = 0; i < n; i++) logf[i] = Math.log(freqs[i]) / Math.log(2.0);
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            double bpo;
            if (i == 0) bpo = 1.0 / (logf[1] - logf[0]);
            else if (i == n - 1) bpo = 1.0 / (logf[n - 1] - logf[n - 2]);
            else bpo = 2.0 / (logf[i + 1] - logf[i - 1]);
            double p = Math.pow(2.0, 2.0 / bpo);
            alpha[i] = (p - 1) / (p + 1);
        }
        return alpha;
    }

    /** Filter length in samples of each wavelet: Q * sr / f with Q = filter_scale / alpha. */
    static double[] lengths(double[] freqs, double[] alpha, double sampleRate, double filterScale) {
        double[] len = new double[freqs.length];
        for (int i = 0; i < freqs.length; i++) len[i] = filterScale / alpha[i] * sampleRate / freqs[i];
        return len;
    }

    /** Highest frequency any wavelet reaches: max f * (1 + 0.5 * bw_hann / Q). */
    static double cutoff(double[] freqs, double[] alpha, double filterScale) {
        double max = 0;
        for (int i = 0; i < freqs.length; i++) {
            max = Math.max(max, freqs[i] * (1 + 0.5 * HANN_BANDWIDTH * alpha[i] / filterScale));
        }
        return max;
    }
}
