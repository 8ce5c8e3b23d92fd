package org.genrekit.features.cqt;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One octave's filter response: the rectangular-window, zero-padded, centred STFT of the signal
 * (librosa's {@code __cqt_response}: window 'ones', pad_mode 'constant') projected on the sparse
 * basis. Frames with a large hop get a real FFT each; with a small hop (the low octaves, where
 * consecutive frames overlap by up to 63/64) only the few FFT bins that the basis touches are
 * slid forward by hop samples (sliding DFT), re-anchored with a full FFT every
 * {@link #ANCHOR} frames so rounding cannot accumulate.
 */
final class OctaveResponse {
    static final int ANCHOR = 64;

    private OctaveResponse() {
    }

    static int compute(float[] y, SparseBasis b, int hop, double[][] re, double[][] im, int firstRow) {
        int nFft = b.nFft();
        int half = nFft / 2;
        int frames = 1 + (y.length + 2 * half - nFft) / hop;
        int rows = b.rows();
        for (int r = 0; r < rows; r++) {
            re[firstRow + r] = new double[frames];
            im[firstRow + r] = new double[frames];
        }
        int[] used = usedBins(b);
        boolean sliding = slides(b, hop, used);
        if (sliding) slide(y, b, hop, used, frames, re, im, firstRow);
        else perFrame(y, b, hop, frames, re, im, firstRow);
        return frames;
    }

    /** Whether the sliding DFT is cheaper than a full FFT per frame for this octave. */
    static boolean slides(SparseBasis b, int hop, int[] used) {
        int nFft = b.nFft();
        return hop < nFft && 2.0 * hop * used.length < 2.5 * nFft * (31 - Integer.numberOfLeadingZeros(nFft));
    }

    static int[] usedBins(SparseBasis b) {
        boolean[] u = new boolean[b.nFft() / 2 + 1];
        for (int c : b.col()) u[c] = true;
        int n = 0;
        for (boolean v : u) if (v) n++;
        int[] out = new int[n];
        int i = 0;
        for (int k = 0; k < u.length; k++) if (u[k]) out[i++] = k;
        return out;
    }

    /** Frame t of y (centred, zeros outside) into buf and its real FFT in JTransforms' packed layout. */
    private static void fftFrame(float[] y, int start, double[] buf, DoubleFFT_1D fft) {
        int n = buf.length;
        if (start >= 0 && start + n <= y.length) {
            for (int j = 0; j < n; j++) buf[j] = y[start + j];
        } else {
            for (int j = 0; j < n; j++) {
                int s = start + j;
                buf[j] = s >= 0 && s < y.length ? y[s] : 0.0;
            }
        }
        fft.realForward(buf);
    }

    static double binRe(double[] buf, int k) {
        int half = buf.length / 2;
        return k == 0 ? buf[0] : k == half ? buf[1] : buf[2 * k];
    }

    static double binIm(double[] buf, int k) {
        int half = buf.length / 2;
        return k == 0 || k == half ? 0.0 : buf[2 * k + 1];
    }

    private static void perFrame(float[] y, SparseBasis b, int hop, int frames, double[][] re, double[][] im, int firstRow) {
        int nFft = b.nFft();
        int half = nFft / 2;
        DoubleFFT_1D fft = FftCache.get(nFft);
        double[] buf = new double[nFft];
        double[] specRe = new double[half + 1];
        double[] specIm = new double[half + 1];
        for (int t = 0; t < frames; t++) {
            fftFrame(y, t * hop - half, buf, fft);
            for (int k = 0; k <= half; k++) {
                specRe[k] = binRe(buf, k);
                specIm[k] = binIm(buf, k);
            }
            store(b, specRe, specIm, re, im, firstRow, t);
        }
    }

    private static void slide(float[] y, SparseBasis b, int hop, int[] used, int frames, double[][] re, double[][] im, int firstRow) {
        int nFft = b.nFft();
        int half = nFft / 2;
        int nu = used.length;
        DoubleFFT_1D fft = FftCache.get(nFft);
        double[] buf = new double[nFft];
        // twiddles e^{-2 pi i j k / n} for the hop samples that enter/leave, and the frame shift e^{+2 pi i k hop / n}
        double[] twRe = new double[nu * hop];
        double[] twIm = new double[nu * hop];
        double[] rotRe = new double[nu];
        double[] rotIm = new double[nu];
        twiddles(used, hop, nFft, twRe, twIm, rotRe, rotIm);
        double[] dRe = new double[nu];
        double[] dIm = new double[nu];
        double[] specRe = new double[half + 1];
        double[] specIm = new double[half + 1];
        double[] delta = new double[hop];
        int n = y.length;
        for (int t = 0; t < frames; t++) {
            int start = t * hop - half;
            if (t % ANCHOR == 0) {
                fftFrame(y, start, buf, fft);
                for (int u = 0; u < nu; u++) {
                    dRe[u] = binRe(buf, used[u]);
                    dIm[u] = binIm(buf, used[u]);
                }
            } else {
                // previous frame started at start - hop: samples start-hop .. start-1 left, start+n-hop .. start+n-1 entered
                int prev = start - hop;
                for (int j = 0; j < hop; j++) {
                    int out = prev + j;
                    int in = prev + nFft + j;
                    double xo = out >= 0 && out < n ? y[out] : 0.0;
                    double xi = in >= 0 && in < n ? y[in] : 0.0;
                    delta[j] = xi - xo;
                }
                slide(dRe, dIm, delta, twRe, twIm, rotRe, rotIm, hop);
            }
            for (int u = 0; u < nu; u++) {
                specRe[used[u]] = dRe[u];
                specIm[used[u]] = dIm[u];
            }
            store(b, specRe, specIm, re, im, firstRow, t);
        }
    }

    /** Twiddles e^{-2 pi i j k / n} of the used bins for the hop samples that enter/leave, and the frame shift e^{+2 pi i k hop / n}. */
    static void twiddles(int[] used, int hop, int nFft, double[] twRe, double[] twIm, double[] rotRe, double[] rotIm) {
        for (int u = 0; u < used.length; u++) {
            int k = used[u];
            for (int j = 0; j < hop; j++) {
                double a = -2 * Math.PI * ((long) j * k % nFft) / nFft;
                twRe[u * hop + j] = Math.cos(a);
                twIm[u * hop + j] = Math.sin(a);
            }
            double a = 2 * Math.PI * ((long) k * hop % nFft) / nFft;
            rotRe[u] = Math.cos(a);
            rotIm[u] = Math.sin(a);
        }
    }

    /** One sliding-DFT step of the used bins: add the samples' change ({@code delta}), then shift by hop. */
    static void slide(double[] dRe, double[] dIm, double[] delta, double[] twRe, double[] twIm, double[] rotRe, double[] rotIm, int hop) {
        for (int u = 0; u < dRe.length; u++) {
            double ar = dRe[u];
            double ai = dIm[u];
            int base = u * hop;
            for (int j = 0; j < hop; j++) {
                double d = delta[j];
                ar += d * twRe[base + j];
                ai += d * twIm[base + j];
            }
            double cr = rotRe[u];
            double ci = rotIm[u];
            dRe[u] = ar * cr - ai * ci;
            dIm[u] = ar * ci + ai * cr;
        }
    }

    private static void store(SparseBasis b, double[] specRe, double[] specIm, double[][] re, double[][] im, int firstRow, int t) {
        int rows = b.rows();
        double[] r = new double[rows];
        double[] i = new double[rows];
        project(b, specRe, specIm, r, i);
        for (int k = 0; k < rows; k++) {
            re[firstRow + k][t] = r[k];
            im[firstRow + k][t] = i[k];
        }
    }

    /** The basis rows' responses to one frame's spectrum. */
    static void project(SparseBasis b, double[] specRe, double[] specIm, double[] outRe, double[] outIm) {
        int[] rowStart = b.rowStart();
        int[] col = b.col();
        double[] bre = b.re();
        double[] bim = b.im();
        int rows = b.rows();
        for (int r = 0; r < rows; r++) {
            double sr = 0;
            double si = 0;
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                int k = col[p];
                double xr = specRe[k];
                double xi = specIm[k];
                sr += bre[p] * xr - bim[p] * xi;
                si += bre[p] * xi + bim[p] * xr;
            }
            outRe[r] = sr;
            outIm[r] = si;
        }
    }
}
