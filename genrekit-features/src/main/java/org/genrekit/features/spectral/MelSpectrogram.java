package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/**
 * {@code librosa.feature.melspectrogram}: |STFT|^power through a mel filter bank. Frames are
 * transformed and projected one at a time, so the full linear spectrogram is never stored.
 * Immutable and thread-safe.
 */
public final class MelSpectrogram {
    private final int sampleRate;
    private final Stft stft;
    private final MelFilterBank bank;
    private final double power;

    public MelSpectrogram(int sampleRate, Stft stft, MelFilterBank bank, double power) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.stft = stft;
        this.bank = bank;
        this.power = Params.positive("power", power);
        if (bank.sampleRate() != sampleRate) throw new IllegalArgumentException("mel bank is for sr=" + bank.sampleRate() + ", not " + sampleRate);
        if (bank.nFft() != stft.nFft()) throw new IllegalArgumentException("mel bank is for n_fft=" + bank.nFft() + ", STFT has n_fft=" + stft.nFft());
    }

    /** Slaney mel bank from fmin to fmax with the given STFT sizes, power 2. */
    public static MelSpectrogram of(int sampleRate, int nFft, int hopLength, int nMels, double fmin, double fmax) {
        return new MelSpectrogram(sampleRate, new Stft(nFft, hopLength),
                new MelFilterBank(sampleRate, nFft, nMels, fmin, fmax, false, true), 2.0);
    }

    /** librosa's defaults at {@code sampleRate}: n_fft 2048, hop 512, 128 bands, 0..sr/2, power 2. */
    public static MelSpectrogram defaults(int sampleRate) {
        return of(sampleRate, 2048, 512, 128, 0.0, sampleRate / 2.0);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public Stft stft() {
        return stft;
    }

    public MelFilterBank bank() {
        return bank;
    }

    public double power() {
        return power;
    }

    /** Mel spectrogram, frame-major ({@code n_mels} rows). */
    public FrameMatrix frames(float[] y) {
        int nMels = bank.nMels();
        float[] out = new float[nMels * stft.frameCount(y.length)];
        stft.spectrogramFrames(y, power, (t, spec) -> bank.applyFrame(spec, 0, out, t * nMels));
        return new FrameMatrix(nMels, out.length / nMels, out);
    }

    public FrameMatrix frames(Signal signal) {
        return frames(SignalChecks.samplesAt(signal, sampleRate));
    }

    /** librosa's shape {@code [n_mels][frames]}. */
    public float[][] compute(Signal signal) {
        return frames(signal).toArray();
    }

    /** Mel projection of an existing power spectrogram (librosa's {@code S=} argument). */
    public FrameMatrix fromSpectrogram(FrameMatrix powerSpec) {
        return bank.apply(powerSpec);
    }
}
