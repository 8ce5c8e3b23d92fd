package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/** {@code librosa.feature.spectral_centroid}: magnitude-weighted mean frequency of each frame. Immutable. */
public final class SpectralCentroid {
    private final int sampleRate;
    private final Stft stft;

    public SpectralCentroid(int sampleRate, Stft stft) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.stft = stft;
    }

    public static SpectralCentroid defaults(int sampleRate) {
        return new SpectralCentroid(sampleRate, Stft.defaults());
    }

    /** One value per frame from a magnitude spectrogram (frame-major). */
    public double[] fromMagnitude(FrameMatrix mag) {
        int bins = mag.rows();
        double binHz = sampleRate / (double) (2 * (bins - 1));
        float[] d = mag.data();
        double[] out = new double[mag.frames()];
        for (int t = 0; t < out.length; t++) {
            int base = t * bins;
            double sum = 0;
            double weighted = 0;
            for (int k = 0; k < bins; k++) {
                double v = d[base + k];
                sum += v;
                weighted += k * binHz * v;
            }
            // librosa.util.normalize(norm=1) leaves near-zero columns as they are.
            out[t] = sum >= Float.MIN_NORMAL ? weighted / sum : weighted;
        }
        return out;
    }

    /** librosa's shape {@code [1][frames]}. */
    public float[][] compute(Signal signal) {
        return Stats.row(fromMagnitude(stft.magnitude(SignalChecks.samplesAt(signal, sampleRate))));
    }
}
