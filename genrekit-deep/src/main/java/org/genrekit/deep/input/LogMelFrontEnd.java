package org.genrekit.deep.input;

import org.genrekit.audio.Signal;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Log-mel spectrogram as librosa computes it by default: centred frames (zero padding), periodic
 * Hann window, power spectrum, Slaney mel filters with Slaney area normalisation, then
 * {@code power_to_db(ref=1, amin=1e-10, top_db=80)}. Immutable and thread-safe (each call uses
 * its own FFT buffers).
 */
public final class LogMelFrontEnd {
    private final LogMelRecipe recipe;
    private final float[] window;
    // Sparse mel filters: each band only touches a few FFT bins, which keeps the projection cheap.
    private final int[] firstBin;
    private final float[][] weights;
    private final ThreadLocal<FloatFFT_1D> fft;

    public LogMelFrontEnd(LogMelRecipe recipe) {
        this.recipe = recipe;
        int n = recipe.nFft();
        window = new float[n];
        for (int i = 0; i < n; i++) window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        fft = ThreadLocal.withInitial(() -> new FloatFFT_1D(n));
        double[][] full = melFilters(recipe);
        firstBin = new int[recipe.nMels()];
        weights = new float[recipe.nMels()][];
        for (int m = 0; m < full.length; m++) {
            int lo = 0;
            while (lo < full[m].length && full[m][lo] == 0) lo++;
            int hi = full[m].length - 1;
            while (hi >= lo && full[m][hi] == 0) hi--;
            firstBin[m] = lo;
            weights[m] = new float[Math.max(0, hi - lo + 1)];
            for (int k = lo; k <= hi; k++) weights[m][k - lo] = (float) full[m][k];
        }
    }

    public LogMelRecipe recipe() {
        return recipe;
    }

    /** Number of frames librosa returns for {@code samples} samples (centred framing). */
    public int frames(int samples) {
        return 1 + samples / recipe.hop();
    }

    /** Returns [nMels][frames] in dB. */
    public float[][] compute(Signal signal) {
        if (signal.sampleRate() != recipe.sampleRate()) {
            throw new IllegalArgumentException("signal is at " + signal.sampleRate() + " Hz but the recipe needs " + recipe.sampleRate() + " Hz");
        }
        float[] y = signal.samples();
        int n = recipe.nFft(), half = n / 2, hop = recipe.hop(), nFrames = frames(y.length);
        float[][] out = new float[recipe.nMels()][nFrames];
        float[] buf = new float[n];
        float[] power = new float[half + 1];
        FloatFFT_1D f = fft.get();
        for (int t = 0; t < nFrames; t++) {
            int start = t * hop - half;
            if (start >= 0 && start + n <= y.length) {
                // Interior frames (all but a few): a branch-free loop the JIT vectorises.
                for (int i = 0; i < n; i++) buf[i] = y[start + i] * window[i];
            } else {
                for (int i = 0; i < n; i++) {
                    int j = start + i;
                    buf[i] = (j >= 0 && j < y.length) ? y[j] * window[i] : 0f;
                }
            }
            f.realForward(buf);
            power[0] = buf[0] * buf[0];
            power[half] = buf[1] * buf[1];
            for (int k = 1; k < half; k++) power[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
            for (int m = 0; m < weights.length; m++) {
                float[] w = weights[m];
                int b = firstBin[m];
                // Four partial sums: a single chained sum waits on the add latency at every bin.
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                int len = w.length;
                int k = 0;
                for (; k + 3 < len; k += 4) {
                    s0 += w[k] * power[b + k];
                    s1 += w[k + 1] * power[b + k + 1];
                    s2 += w[k + 2] * power[b + k + 2];
                    s3 += w[k + 3] * power[b + k + 3];
                }
                for (; k < len; k++) s0 += w[k] * power[b + k];
                double s = (s0 + s1) + (s2 + s3);
                out[m][t] = (float) (10 * Math.log10(Math.max(1e-10, s)));
            }
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : out) for (float v : row) max = Math.max(max, v);
        float floor = max - 80f;
        for (float[] row : out) for (int t = 0; t < row.length; t++) if (row[t] < floor) row[t] = floor;
        return out;
    }

    static double hzToMel(double f) {
        double fSp = 200.0 / 3, minLogHz = 1000, minLogMel = minLogHz / fSp, logStep = Math.log(6.4) / 27;
        return f >= minLogHz ? minLogMel + Math.log(f / minLogHz) / logStep : f / fSp;
    }

    static double melToHz(double m) {
        double fSp = 200.0 / 3, minLogHz = 1000, minLogMel = minLogHz / fSp, logStep = Math.log(6.4) / 27;
        return m >= minLogMel ? minLogHz * Math.exp(logStep * (m - minLogMel)) : fSp * m;
    }

    /** librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm='slaney'). */
    static double[][] melFilters(LogMelRecipe r) {
        int bins = r.nFft() / 2 + 1;
        double[] fftFreqs = new double[bins];
        for (int k = 0; k < bins; k++) fftFreqs[k] = k * (double) r.sampleRate() / r.nFft();
        double lo = hzToMel(r.fmin()), hi = hzToMel(r.fmax());
        double[] hz = new double[r.nMels() + 2];
        for (int i = 0; i < hz.length; i++) hz[i] = melToHz(lo + (hi - lo) * i / (r.nMels() + 1));
        double[][] w = new double[r.nMels()][bins];
        for (int m = 0; m < r.nMels(); m++) {
            double d0 = hz[m + 1] - hz[m], d1 = hz[m + 2] - hz[m + 1], norm = 2.0 / (hz[m + 2] - hz[m]);
            for (int k = 0; k < bins; k++) {
                double lower = (fftFreqs[k] - hz[m]) / d0, upper = (hz[m + 2] - fftFreqs[k]) / d1;
                w[m][k] = Math.max(0, Math.min(lower, upper)) * norm;
            }
        }
        return w;
    }
}
