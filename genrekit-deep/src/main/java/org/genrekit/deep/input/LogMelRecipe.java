package org.genrekit.deep.input;

import java.util.Map;
import org.genrekit.features.FeatureRecipe;

/**
 * Parameters of the log-mel spectrogram a network consumes. Its {@link #recipe()} is stored in the
 * bundle and keys the spectrogram cache, so a model always sees the input it was trained on.
 *
 * @param sampleRate audio rate in Hz (the signal is decoded at this rate)
 * @param nFft       FFT size in samples (power of two)
 * @param hop        hop length in samples
 * @param nMels      number of mel bands
 * @param fmin       lowest mel frequency in Hz
 * @param fmax       highest mel frequency in Hz (&lt;= sampleRate / 2)
 */
public record LogMelRecipe(int sampleRate, int nFft, int hop, int nMels, double fmin, double fmax) {
    public static final String NAME = "logmel";

    public LogMelRecipe {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        if (nFft < 16 || Integer.bitCount(nFft) != 1) throw new IllegalArgumentException("nFft must be a power of two >= 16, got " + nFft);
        if (hop <= 0) throw new IllegalArgumentException("hop must be > 0, got " + hop);
        if (nMels <= 0) throw new IllegalArgumentException("nMels must be > 0, got " + nMels);
        if (!(fmin >= 0)) throw new IllegalArgumentException("fmin must be >= 0, got " + fmin);
        if (!(fmax > fmin) || fmax > sampleRate / 2.0) {
            throw new IllegalArgumentException("fmax must be in (fmin, sampleRate/2] = (" + fmin + ", " + sampleRate / 2.0 + "], got " + fmax);
        }
    }

    /** 22050 Hz, 2048-point FFT, hop 1024, 64 bands from 0 to 11025 Hz. */
    public static LogMelRecipe defaults() {
        return new LogMelRecipe(22050, 2048, 1024, 64, 0, 11025);
    }

    public FeatureRecipe recipe() {
        return new FeatureRecipe(NAME, Map.of("sr", Integer.toString(sampleRate), "n_fft", Integer.toString(nFft),
                "hop_length", Integer.toString(hop), "n_mels", Integer.toString(nMels),
                "fmin", fmt(fmin), "fmax", fmt(fmax)));
    }

    public static LogMelRecipe from(FeatureRecipe r) {
        if (!NAME.equals(r.name())) throw new IllegalArgumentException("not a logmel recipe: " + r.id());
        LogMelRecipe d = defaults();
        return new LogMelRecipe(r.intParam("sr", d.sampleRate), r.intParam("n_fft", d.nFft), r.intParam("hop_length", d.hop),
                r.intParam("n_mels", d.nMels), r.doubleParam("fmin", d.fmin), r.doubleParam("fmax", r.intParam("sr", d.sampleRate) / 2.0));
    }

    public double framesPerSecond() {
        return sampleRate / (double) hop;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
