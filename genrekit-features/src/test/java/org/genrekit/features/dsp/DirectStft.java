package org.genrekit.features.dsp;

/**
 * {@code librosa.stft} (0.11) computed from its definition in double precision, independently of
 * {@link Stft}: an O(N²) DFT of each frame, the periodic Hann window of {@code win_length}
 * centred in {@code n_fft} with zeros ({@code util.pad_center}: floor((n_fft - win) / 2) on the
 * left), and with {@code center} the signal padded by {@code n_fft // 2} zeros on each side
 * (pad_mode 'constant'). Bins {@code 0 .. n_fft // 2}, {@code X[k] = Σ x[n] w[n] e^(-2πi kn/N)}
 * as numpy's rfft. For tests only: slow by design.
 *
 * @param re {@code [frame][bin]}
 * @param im {@code [frame][bin]}
 */
public record DirectStft(double[][] re, double[][] im) {
    public static DirectStft of(float[] y, int nFft, int hop, int winLength, boolean center) {
        return of(y, nFft, hop, winLength, center, Integer.MAX_VALUE);
    }

    /** The first {@code maxFrames} frames only. */
    public static DirectStft of(float[] y, int nFft, int hop, int winLength, boolean center, int maxFrames) {
        double[] window = new double[nFft];
        int left = (nFft - winLength) / 2;
        for (int n = 0; n < winLength; n++) {
            double s = Math.sin(Math.PI * n / winLength);
            window[left + n] = s * s; // = 0.5 - 0.5 cos(2πn/win), scipy's periodic hann
        }
        int pad = center ? nFft / 2 : 0;
        int padded = y.length + 2 * pad;
        int frames = Math.min(maxFrames, 1 + (padded - nFft) / hop);
        int bins = nFft / 2 + 1;
        double[] cos = new double[nFft];
        double[] sin = new double[nFft];
        for (int m = 0; m < nFft; m++) {
            cos[m] = Math.cos(2 * Math.PI * m / nFft);
            sin[m] = Math.sin(2 * Math.PI * m / nFft);
        }
        double[][] re = new double[frames][bins];
        double[][] im = new double[frames][bins];
        double[] x = new double[nFft];
        for (int t = 0; t < frames; t++) {
            for (int n = 0; n < nFft; n++) {
                int j = t * hop + n - pad;
                x[n] = j >= 0 && j < y.length ? y[j] * window[n] : 0.0;
            }
            for (int k = 0; k < bins; k++) {
                double sr = 0;
                double si = 0;
                int idx = 0; // (k * n) mod n_fft, exact
                for (int n = 0; n < nFft; n++) {
                    sr += x[n] * cos[idx];
                    si -= x[n] * sin[idx];
                    idx += k;
                    if (idx >= nFft) idx -= nFft;
                }
                re[t][k] = sr;
                im[t][k] = si;
            }
        }
        return new DirectStft(re, im);
    }

    public int frames() {
        return re.length;
    }

    public int bins() {
        return re[0].length;
    }

    /** |X|² in double. */
    public double power(int frame, int bin) {
        return re[frame][bin] * re[frame][bin] + im[frame][bin] * im[frame][bin];
    }
}
