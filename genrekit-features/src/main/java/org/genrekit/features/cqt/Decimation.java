package org.genrekit.features.cqt;

/**
 * Decimation by a power of two with librosa.resample's scale=True (amplitude times sqrt(factor)),
 * output length ceil(n / factor).
 *
 * INTERIM: a linear-phase Kaiser-windowed sinc stands in for soxr_hq until
 * org.genrekit.audio.Resampler lands; then this delegates to it.
 */
final class Decimation {
    private static final int HALF_TAPS = 48;
    private static final double[] HALFBAND = design();

    private Decimation() {
    }

    static float[] decimate(float[] y, int factor) {
        float[] x = y;
        for (int f = factor; f > 1; f /= 2) x = halve(x);
        return x;
    }

    private static float[] halve(float[] x) {
        int n = x.length;
        int m = (n + 1) / 2;
        float[] out = new float[m];
        double g = Math.sqrt(2.0);
        for (int i = 0; i < m; i++) {
            int c = 2 * i;
            double acc = HALFBAND[HALF_TAPS] * x[c];
            for (int k = 1; k <= HALF_TAPS; k++) {
                double h = HALFBAND[HALF_TAPS + k];
                if (h == 0) continue;
                int a = c - k;
                int b = c + k;
                double s = (a >= 0 ? x[a] : 0) + (b < n ? x[b] : 0);
                acc += h * s;
            }
            out[i] = (float) (acc * g);
        }
        return out;
    }

    private static double[] design() {
        double fc = 0.25;
        double beta = 10.0;
        double[] h = new double[2 * HALF_TAPS + 1];
        double i0b = bessel0(beta);
        double sum = 0;
        for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
            double x = k == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * k) / (Math.PI * k);
            double r = k / (double) HALF_TAPS;
            double w = bessel0(beta * Math.sqrt(1 - r * r)) / i0b;
            h[k + HALF_TAPS] = x * w;
            sum += x * w;
        }
        for (int i = 0; i < h.length; i++) h[i] /= sum;
        return h;
    }

    private static double bessel0(double x) {
        double s = 1, t = 1;
        for (int k = 1; k < 60; k++) {
            t *= (x / (2 * k)) * (x / (2 * k));
            s += t;
        }
        return s;
    }
}
