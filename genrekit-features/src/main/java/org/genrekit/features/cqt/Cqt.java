package org.genrekit.features.cqt;

import java.util.Objects;
import org.genrekit.audio.Signal;
import org.genrekit.features.spectral.TuningEstimator;

/**
 * Constant-Q transform magnitude, as {@code np.abs(librosa.cqt(y, sr=..., ...))} in librosa 0.11:
 * recursive octave-by-octave filtering of rectangular-window frames with sparse FFT-domain
 * wavelet bases, decimating the signal by 2 (soxr_hq) between octaves. Immutable and thread-safe;
 * the filter bases are built once per (sample rate, parameters, tuning) and shared.
 */
public final class Cqt {
    private final CqtParams params;

    public Cqt(CqtParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** librosa.cqt's defaults (84 bins from C1, 12 per octave, hop 512). */
    public Cqt() {
        this(CqtParams.defaults());
    }

    public CqtParams params() {
        return params;
    }

    /** Bin centre frequencies in Hz for the given tuning (fractions of a bin). */
    public double[] frequencies(double tuning) {
        return Wavelets.frequencies(params.nBins(), params.fmin() * Math.pow(2.0, tuning / params.binsPerOctave()),
                params.binsPerOctave());
    }

    /** |CQT| with the tuning estimated from the signal, as librosa does for tuning=None. */
    public float[][] compute(Signal signal) {
        return magnitude(signal, estimateTuning(signal, params.binsPerOctave()));
    }

    /** librosa.estimate_tuning(y=y, sr=sr, bins_per_octave=bpo): piptrack on the n_fft 2048 magnitude STFT. */
    static double estimateTuning(Signal signal, int binsPerOctave) {
        return TuningEstimator.of(signal.sampleRate(), 2048, binsPerOctave).estimate(signal.samples());
    }

    /**
     * |CQT| [n_bins][frames] for a given tuning (fractions of a bin). Frames: 1 + n / hop_length
     * (centred frames; the shortest octave decides, as librosa trims).
     */
    public float[][] magnitude(Signal signal, double tuning) {
        Objects.requireNonNull(signal, "signal");
        if (!Double.isFinite(tuning)) throw new IllegalArgumentException("tuning=" + tuning + " must be finite");
        CqtPlan plan = CqtPlan.of(signal.sampleRate(), params, tuning);
        float[] y = signal.samples();
        if (plan.earlyFactor > 1) {
            if (y.length < plan.earlyFactor) {
                throw new IllegalArgumentException("Input signal length=" + y.length + " is too short for "
                        + params.octaves() + "-octave CQT");
            }
            y = Decimation.decimate(y, plan.earlyFactor);
        }
        int nBins = params.nBins();
        double[][] re = new double[nBins][];
        double[][] im = new double[nBins][];
        int minFrames = Integer.MAX_VALUE;
        int end = nBins;
        for (CqtPlan.Octave oct : plan.octaves) {
            SparseBasis b = oct.basis();
            int rows = b.rows();
            int frames = respond(y, b, oct.hop(), re, im, end - rows);
            minFrames = Math.min(minFrames, frames);
            end -= rows;
            if (oct.halveAfter() && end > 0) y = Decimation.decimate(y, 2);
        }
        float[][] out = new float[nBins][minFrames];
        for (int k = 0; k < nBins; k++) {
            double s = plan.binScale[k];
            double[] r = re[k];
            double[] i = im[k];
            float[] o = out[k];
            for (int t = 0; t < minFrames; t++) o[t] = (float) (Math.hypot(r[t], i[t]) * s);
        }
        return out;
    }

    /** Rows firstRow.. of re/im get the octave's response to y; returns the frame count. */
    private static int respond(float[] y, SparseBasis b, int hop, double[][] re, double[][] im, int firstRow) {
        return OctaveResponse.compute(y, b, hop, re, im, firstRow);
    }
}
