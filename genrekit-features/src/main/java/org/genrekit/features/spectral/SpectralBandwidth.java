package org.genrekit.features.spectral;

import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/**
 * {@code librosa.feature.spectral_bandwidth}: {@code (sum_k S_norm[k] |f_k - centroid|^p)^(1/p)}
 * per frame, S normalised to sum 1 (norm=True). Immutable.
 */
public final class SpectralBandwidth {
    private final int sampleRate;
    private final Stft stft;
    private final double p;

    public SpectralBandwidth(int sampleRate, Stft stft, double p) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.stft = stft;
        this.p = Params.positive("p", p);
    }

    public static SpectralBandwidth defaults(int sampleRate) {
        return new SpectralBandwidth(sampleRate, Stft.defaults(), 2.0);
    }

    /** From a magnitude spectrogram and its centroid. */
    public double[] fromMagnitude(FrameMatrix mag, double[] centroid) {
        int bins = mag.rows();
        double binHz = sampleRate / (double) (2 * (bins - 1));
        float[] d = mag.data();
        double[] out = new double[mag.frames()];
        for (int t = 0; t < out.length; t++) {
            int base = t * bins;
            double sum = 0;
            for (int k = 0; k < bins; k++) sum += d[base + k];
            double norm = sum >= Float.MIN_NORMAL ? sum : 1.0;
            double acc = 0;
            double c = centroid[t];
            if (p == 2.0) {
                for (int k = 0; k < bins; k++) {
                    double dev = k * binHz - c;
                    acc += d[base + k] * (dev * dev);
                }
            } else {
                for (int k = 0; k < bins; k++) acc += d[base + k] * Math.pow(Math.abs(k * binHz - c), p);
            }
            // Normalising once per frame equals librosa's per-bin S / sum(S) up to double rounding.
            acc /= norm;
            out[t] = p == 2.0 ? Math.sqrt(acc) : Math.pow(acc, 1.0 / p);
        }
        return out;
    }

    public double[] fromMagnitude(FrameMatrix mag) {
        return fromMagnitude(mag, new SpectralCentroid(sampleRate, stft).fromMagnitude(mag));
    }

    public float[][] compute(Signal signal) {
        return Stats.row(fromMagnitude(stft.magnitude(SignalChecks.samplesAt(signal, sampleRate))));
    }
}
