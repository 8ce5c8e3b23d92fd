package org.genrekit.features.dsp;

/** Analysis windows, as {@code scipy.signal.get_window(..., fftbins=True)} (periodic) by default. */
public final class Windows {
    private Windows() {
    }

    /** Periodic Hann window of length n (librosa's 'hann'): 0.5 - 0.5 cos(2 pi k / n). */
    public static double[] hann(int n) {
        return hann(n, true);
    }

    /** Hann window; {@code periodic=false} gives the symmetric one (denominator n - 1). */
    public static double[] hann(int n, boolean periodic) {
        Params.positive("n", n);
        double[] w = new double[n];
        if (n == 1) {
            w[0] = 1;
            return w;
        }
        double denom = periodic ? n : n - 1;
        for (int k = 0; k < n; k++) w[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * k / denom);
        return w;
    }

    /** Centers {@code w} in an array of length {@code size} with zeros around (librosa.util.pad_center). */
    public static double[] padCenter(double[] w, int size) {
        if (w.length > size) throw new IllegalArgumentException("target size (" + size + ") must be at least input size (" + w.length + ")");
        double[] out = new double[size];
        System.arraycopy(w, 0, out, (size - w.length) / 2, w.length);
        return out;
    }
}
