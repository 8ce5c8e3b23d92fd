package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/**
 * {@code librosa.feature.chroma_stft}: power STFT through a chroma filter bank, each frame divided
 * by its maximum (norm=inf). With {@code tuning} NaN, the tuning is estimated from the power
 * spectrogram first (as librosa does when tuning=None). Immutable.
 */
public final class ChromaStft {
    private final int sampleRate;
    private final Stft stft;
    private final int nChroma;
    private final double tuning;

    /** @param tuning fixed tuning in fractions of a bin, or NaN to estimate it per signal */
    public ChromaStft(int sampleRate, Stft stft, int nChroma, double tuning) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.stft = stft;
        this.nChroma = Params.positive("n_chroma", nChroma);
        this.tuning = tuning;
    }

    /** librosa's defaults: n_fft 2048, hop 512, 12 chroma, tuning estimated. */
    public static ChromaStft defaults(int sampleRate) {
        return new ChromaStft(sampleRate, Stft.defaults(), 12, Double.NaN);
    }

    public Stft stft() {
        return stft;
    }

    /** The tuning that {@link #fromPower} uses for this spectrogram. */
    public double tuningFor(FrameMatrix power) {
        if (!Double.isNaN(tuning)) return tuning;
        return TuningEstimator.of(sampleRate, stft.nFft(), nChroma).estimate(power);
    }

    /** Chroma from a power spectrogram (frame-major). */
    public FrameMatrix fromPower(FrameMatrix power) {
        return fromPower(power, bank(tuningFor(power)));
    }

    /** The filter bank for a tuning known beforehand (a first pass over a long signal estimates it). */
    public ChromaFilterBank bank(double tuning) {
        return ChromaFilterBank.of(sampleRate, stft.nFft(), nChroma, tuning);
    }

    /** The tuning estimator {@link #tuningFor} uses (for estimating it frame by frame). */
    public TuningEstimator tuningEstimator() {
        return TuningEstimator.of(sampleRate, stft.nFft(), nChroma);
    }

    /** The fixed tuning, or NaN when it is estimated per signal. */
    public double tuning() {
        return tuning;
    }

    /** Chroma of every frame of {@code power} with {@code bank}. */
    public FrameMatrix fromPower(FrameMatrix power, ChromaFilterBank bank) {
        float[] out = new float[nChroma * power.frames()];
        for (int t = 0; t < power.frames(); t++) {
            int ob = t * nChroma;
            bank.applyFrame(power.data(), t * power.rows(), out, ob);
            float max = 0f;
            for (int c = 0; c < nChroma; c++) max = Math.max(max, Math.abs(out[ob + c]));
            // librosa.util.normalize leaves columns below the smallest normal float untouched.
            if (max >= Float.MIN_NORMAL) {
                for (int c = 0; c < nChroma; c++) out[ob + c] /= max;
            }
        }
        return new FrameMatrix(nChroma, power.frames(), out);
    }

    public FrameMatrix frames(Signal signal) {
        return fromPower(stft.power(SignalChecks.samplesAt(signal, sampleRate)));
    }

    /** librosa's shape {@code [n_chroma][frames]}. */
    public float[][] compute(Signal signal) {
        return frames(signal).toArray();
    }
}
