package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/**
 * {@code librosa.feature.spectral_rolloff}: the lowest bin frequency below which
 * {@code roll_percent} of the frame's magnitude lies. The running sum is single precision, as
 * numpy's cumsum of a float32 spectrogram, because the result is a threshold crossing. Immutable.
 */
public final class SpectralRolloff {
    private final int sampleRate;
    private final Stft stft;
    private final double rollPercent;

    public SpectralRolloff(int sampleRate, Stft stft, double rollPercent) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.stft = stft;
        if (!(rollPercent > 0 && rollPercent < 1)) throw new IllegalArgumentException("roll_percent must lie in the range (0, 1)");
        this.rollPercent = rollPercent;
    }

    public static SpectralRolloff defaults(int sampleRate) {
        return new SpectralRolloff(sampleRate, Stft.defaults(), 0.85);
    }

    public double[] fromMagnitude(FrameMatrix mag) {
        int bins = mag.rows();
        double binHz = sampleRate / (double) (2 * (bins - 1));
        float[] d = mag.data();
        float[] cum = new float[bins];
        float pct = (float) rollPercent;
        double[] out = new double[mag.frames()];
        for (int t = 0; t < out.length; t++) {
            int base = t * bins;
            float acc = 0f;
            for (int k = 0; k < bins; k++) {
                acc += d[base + k];
                cum[k] = acc;
            }
            float threshold = pct * acc;
            int k = 0;
            while (k < bins - 1 && cum[k] < threshold) k++;
            out[t] = k * binHz;
        }
        return out;
    }

    public float[][] compute(Signal signal) {
        return Stats.row(fromMagnitude(stft.magnitude(SignalChecks.samplesAt(signal, sampleRate))));
    }
}
