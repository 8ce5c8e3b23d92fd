package org.genrekit.features.spectral;

/** Hz/mel conversions as librosa.hz_to_mel / mel_to_hz (Slaney's auditory toolbox scale by default, or HTK). */
public final class MelScale {
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    private MelScale() {
    }

    public static double hzToMel(double hz, boolean htk) {
        if (htk) return 2595.0 * Math.log10(1.0 + hz / 700.0);
        // Linear below 1 kHz, logarithmic above.
        if (hz >= MIN_LOG_HZ) return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
        return hz / F_SP;
    }

    public static double melToHz(double mel, boolean htk) {
        if (htk) return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        if (mel >= MIN_LOG_MEL) return MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
        return F_SP * mel;
    }

    /** {@code n} frequencies evenly spaced on the mel scale from fmin to fmax (librosa.mel_frequencies). */
    public static double[] melFrequencies(int n, double fmin, double fmax, boolean htk) {
        double lo = hzToMel(fmin, htk);
        double hi = hzToMel(fmax, htk);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // np.linspace: lo + i * step, with the last value exactly hi.
            double m = n == 1 ? lo : (i == n - 1 ? hi : lo + i * ((hi - lo) / (n - 1)));
            out[i] = melToHz(m, htk);
        }
        return out;
    }
}
