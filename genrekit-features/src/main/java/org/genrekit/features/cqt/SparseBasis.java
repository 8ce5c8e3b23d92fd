package org.genrekit.features.cqt;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One octave's wavelet filters in the frequency domain, sparsified row by row (CSR layout over
 * the non-negative FFT bins), as librosa's {@code __vqt_filter_fft} builds them. Immutable.
 *
 * @param nFft     FFT length of the octave's frames (a power of two)
 * @param rowStart CSR row pointers, length rows + 1
 * @param col      FFT bin of each stored value
 * @param re       real parts
 * @param im       imaginary parts
 */
record SparseBasis(int nFft, int[] rowStart, int[] col, double[] re, double[] im) {

    int rows() {
        return rowStart.length - 1;
    }

    /**
     * Builds the octave's basis: time-domain Hann-windowed complex exponentials of the wavelet
     * lengths, normalised, centred in a power-of-two frame, scaled by length / n_fft, transformed,
     * sparsified so that at most {@code sparsity} of each row's L1 mass is dropped, then multiplied
     * by {@code gain}.
     */
    static SparseBasis build(double[] freqs, double[] alpha, double sampleRate, double filterScale,
                             double norm, double sparsity, double gain) {
        int rows = freqs.length;
        double[] lengths = Wavelets.lengths(freqs, alpha, sampleRate, filterScale);
        double maxLen = 0;
        for (double l : lengths) maxLen = Math.max(maxLen, l);
        int nFft = 1 << (int) Math.ceil(Math.log(maxLen) / Math.log(2.0));
        int bins = nFft / 2 + 1;
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        int[] rowStart = new int[rows + 1];
        int[][] cols = new int[rows][];
        double[][] res = new double[rows][];
        double[][] ims = new double[rows][];
        double[] buf = new double[2 * nFft];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(buf, 0.0);
            double ilen = lengths[r];
            // numpy: np.arange(-ilen // 2, ilen // 2) on floats
            long a = (long) Math.floor(-ilen / 2.0);
            long b = (long) Math.floor(ilen / 2.0);
            int n = (int) (b - a);
            double[] w = hann(n);
            double normValue = normOf(w, norm);
            int lpad = (nFft - n) / 2;
            double omega = 2 * Math.PI * freqs[r] / sampleRate;
            double s = (normValue > 0 ? 1.0 / normValue : 1.0) * ilen / nFft;
            for (int j = 0; j < n; j++) {
                double ph = (a + j) * omega;
                buf[2 * (lpad + j)] = Math.cos(ph) * w[j] * s;
                buf[2 * (lpad + j) + 1] = Math.sin(ph) * w[j] * s;
            }
            fft.complexForward(buf);
            double[] mags = new double[bins];
            double total = 0;
            for (int k = 0; k < bins; k++) {
                mags[k] = Math.hypot(buf[2 * k], buf[2 * k + 1]);
                total += mags[k];
            }
            double threshold = sparsityThreshold(mags, total, sparsity);
            int count = 0;
            for (int k = 0; k < bins; k++) if (mags[k] >= threshold) count++;
            cols[r] = new int[count];
            res[r] = new double[count];
            ims[r] = new double[count];
            int c = 0;
            for (int k = 0; k < bins; k++) {
                if (mags[k] >= threshold) {
                    cols[r][c] = k;
                    res[r][c] = buf[2 * k] * gain;
                    ims[r][c] = buf[2 * k + 1] * gain;
                    c++;
                }
            }
            rowStart[r + 1] = rowStart[r] + count;
        }
        int nnz = rowStart[rows];
        int[] col = new int[nnz];
        double[] re = new double[nnz];
        double[] im = new double[nnz];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(cols[r], 0, col, rowStart[r], cols[r].length);
            System.arraycopy(res[r], 0, re, rowStart[r], res[r].length);
            System.arraycopy(ims[r], 0, im, rowStart[r], ims[r].length);
        }
        return new SparseBasis(nFft, rowStart, col, re, im);
    }

    /**
     * librosa.util.sparsify_rows: sort magnitudes ascending, find the first position where the
     * cumulative share reaches {@code quantile}; keep every value at least that large.
     */
    private static double sparsityThreshold(double[] mags, double total, double quantile) {
        if (quantile <= 0 || total <= 0) return Double.NEGATIVE_INFINITY;
        double[] sorted = mags.clone();
        java.util.Arrays.sort(sorted);
        double cum = 0;
        for (double v : sorted) {
            cum += v / total;
            if (!(cum < quantile)) return v;
        }
        return sorted[sorted.length - 1];
    }

    /** Periodic Hann window of n points (scipy get_window('hann', n, fftbins=True)). */
    private static double[] hann(int n) {
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1.0;
            return w;
        }
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        return w;
    }

    /** Norm of a unit-modulus phasor times the window, as util.normalize measures it. */
    private static double normOf(double[] w, double norm) {
        double v = 0;
        if (norm == Double.POSITIVE_INFINITY) {
            for (double x : w) v = Math.max(v, Math.abs(x));
            return v;
        }
        if (norm == 2) {
            for (double x : w) v += x * x;
            return Math.sqrt(v);
        }
        for (double x : w) v += Math.abs(x);
        return v;
    }
}
