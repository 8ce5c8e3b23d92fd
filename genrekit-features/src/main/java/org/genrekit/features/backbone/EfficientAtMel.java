package org.genrekit.features.backbone;

import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.Windows;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The log-mel front end of EfficientAT's AudioSet models (its {@code AugmentMelSTFT} in eval mode):
 * pre-emphasis {@code y[n+1] - 0.97 y[n]} (one sample shorter), STFT with {@code n_fft} 1024, an
 * 800-sample symmetric Hann window centred in it, hop 320, reflect padding of {@code n_fft / 2}
 * at both ends, power spectrum, 128 Kaldi mel bands from 0 to 15 kHz, {@code ln(x + 1e-5)}, and
 * the fixed normalisation {@code (x + 4.5) / 5}. Input is mono at 32 kHz. Immutable; safe to share
 * between threads (each thread gets its own FFT plan).
 */
public final class EfficientAtMel {
    /** What the published AudioSet models were trained with. */
    public record Config(int sampleRate, int nFft, int winLength, int hopLength, int nMels, double fmin, double fmax,
                         double preemphasis, double logOffset, double shift, double scale) {
        public Config {
            Params.positive("sr", sampleRate);
            Params.positive("n_fft", nFft);
            Params.positive("win_length", winLength);
            Params.check(winLength <= nFft, "win_length=" + winLength + " must be <= n_fft=" + nFft);
            Params.positive("hop_length", hopLength);
            Params.positive("n_mels", nMels);
            Params.positive("scale", scale);
            Params.positive("log_offset", logOffset);
        }

        public static Config audioSet() {
            return new Config(32000, 1024, 800, 320, 128, 0.0, 15000.0, 0.97, 1e-5, 4.5, 5.0);
        }
    }

    private final Config config;
    private final double[] window;
    private final KaldiMelBank bank;
    private final ThreadLocal<DoubleFFT_1D> fft;

    public EfficientAtMel(Config config) {
        this.config = config;
        this.window = Windows.padCenter(Windows.hann(config.winLength(), false), config.nFft());
        this.bank = new KaldiMelBank(config.nMels(), config.nFft(), config.sampleRate(), config.fmin(), config.fmax());
        this.fft = ThreadLocal.withInitial(() -> new DoubleFFT_1D(config.nFft()));
    }

    public static EfficientAtMel audioSet() {
        return new EfficientAtMel(Config.audioSet());
    }

    public Config config() {
        return config;
    }

    public KaldiMelBank bank() {
        return bank;
    }

    /** Frames for a stretch of {@code n} samples: {@code floor((n - 1) / hop) + 1}. */
    public int frameCount(int n) {
        return (n - 1) / config.hopLength() + 1;
    }

    /** The normalised log-mel of the whole signal, {@code [n_mels][frames]}. */
    public float[][] compute(float[] y) {
        return compute(y, 0, y.length);
    }

    /**
     * The normalised log-mel of {@code y[from, to)} on its own (pre-emphasis and padding at the
     * stretch's own edges, as when the stretch is the network's whole input).
     */
    public float[][] compute(float[] y, int from, int to) {
        if (from < 0 || to > y.length || from >= to) throw new IllegalArgumentException("bad range [" + from + ", " + to + ") of " + y.length + " samples");
        int nFft = config.nFft();
        int pad = nFft / 2;
        int n = to - from - 1; // after pre-emphasis
        if (n <= pad) {
            throw new IllegalArgumentException("signal of " + (to - from) + " samples is too short for the " + nFft
                    + "-point STFT with reflect padding (needs more than " + (pad + 1) + ")");
        }
        float coef = (float) config.preemphasis();
        // Pre-emphasised signal with the reflect padding laid out around it.
        double[] padded = new double[n + 2 * pad];
        for (int i = 0; i < n; i++) padded[pad + i] = y[from + i + 1] - coef * y[from + i];
        for (int i = 1; i <= pad; i++) {
            padded[pad - i] = padded[pad + i];
            padded[pad + n - 1 + i] = padded[pad + n - 1 - i];
        }
        int frames = frameCount(to - from);
        int bins = nFft / 2 + 1;
        int nMels = config.nMels();
        float[][] out = new float[nMels][frames];
        DoubleFFT_1D f = fft.get();
        double[] buf = new double[nFft];
        double[] power = new double[bins];
        double[] mel = new double[nMels];
        int lo = (nFft - config.winLength()) / 2;
        int hi = lo + config.winLength();
        float offset = (float) config.logOffset();
        double shift = config.shift();
        double scale = config.scale();
        for (int t = 0; t < frames; t++) {
            int start = t * config.hopLength();
            java.util.Arrays.fill(buf, 0, lo, 0.0);
            java.util.Arrays.fill(buf, hi, nFft, 0.0);
            for (int i = lo; i < hi; i++) buf[i] = padded[start + i] * window[i];
            f.realForward(buf);
            power[0] = buf[0] * buf[0];
            power[bins - 1] = buf[1] * buf[1];
            for (int k = 1; k < bins - 1; k++) power[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            bank.apply(power, mel);
            for (int m = 0; m < nMels; m++) {
                out[m][t] = (float) ((Math.log((float) mel[m] + offset) + shift) / scale);
            }
        }
        return out;
    }
}
