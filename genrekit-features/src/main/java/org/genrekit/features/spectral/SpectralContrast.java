package org.genrekit.features.spectral;

import java.util.Arrays;
import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.SignalChecks;
import org.genrekit.features.dsp.Stft;

/**
 * {@code librosa.feature.spectral_contrast}: octave bands [0, fmin], [fmin, 2 fmin], ...; in each,
 * the mean of the top and bottom {@code quantile} of magnitudes (peak, valley), returned as
 * {@code power_to_db(peak) - power_to_db(valley)} (librosa applies power_to_db, with its top_db
 * floor over the whole matrix, to the magnitudes). Immutable.
 */
public final class SpectralContrast {
    private final int sampleRate;
    private final Stft stft;
    private final double fmin;
    private final int nBands;
    private final double quantile;
    private final boolean linear;

    public SpectralContrast(int sampleRate, Stft stft, double fmin, int nBands, double quantile, boolean linear) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.stft = stft;
        if (!(fmin > 0)) throw new IllegalArgumentException("fmin must be a positive number");
        if (nBands < 1) throw new IllegalArgumentException("n_bands must be a positive integer");
        if (!(quantile > 0 && quantile < 1)) throw new IllegalArgumentException("quantile must lie in the range (0, 1)");
        if (fmin * Math.pow(2, nBands - 1) >= 0.5 * sampleRate) {
            throw new IllegalArgumentException("Frequency band exceeds Nyquist. Reduce either fmin or n_bands.");
        }
        this.fmin = fmin;
        this.nBands = nBands;
        this.quantile = quantile;
        this.linear = linear;
    }

    public static SpectralContrast defaults(int sampleRate) {
        return new SpectralContrast(sampleRate, Stft.defaults(), 200.0, 6, 0.02, false);
    }

    /** {@code n_bands + 1} rows, frame-major, from a magnitude spectrogram. */
    public FrameMatrix fromMagnitude(FrameMatrix mag) {
        Extremes e = extremes(mag);
        return contrast(e, linear ? 0 : top(e.peak()), linear ? 0 : top(e.valley()));
    }

    /**
     * Each band's peak and valley (means of its top and bottom quantile) in each frame, frame-major
     * ({@code rows} per frame): frame by frame, so a long spectrogram can be done in blocks.
     */
    public record Extremes(int rows, int frames, double[] peak, double[] valley) {
    }

    public Extremes extremes(FrameMatrix mag) {
        int bins = mag.rows();
        int nFft = 2 * (bins - 1);
        int rows = nBands + 1;
        int[] lo = new int[rows];
        int[] hi = new int[rows];
        int[] q = new int[rows];
        double[] octa = new double[nBands + 2];
        for (int i = 1; i < octa.length; i++) octa[i] = fmin * Math.pow(2.0, i - 1);
        for (int b = 0; b < rows; b++) {
            int first = -1;
            int last = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) sampleRate / nFft;
                if (f >= octa[b] && f <= octa[b + 1]) {
                    if (first < 0) first = k;
                    last = k;
                }
            }
            int start = first;
            int end = last; // inclusive
            if (b > 0) start = first - 1;
            if (b == nBands) end = bins - 1;
            int selected = end - start + 1;
            q[b] = Math.max((int) Math.rint(quantile * selected), 1);
            if (b < nBands) end -= 1; // librosa drops the band's top bin, shared with the next band
            lo[b] = start;
            hi[b] = end;
        }
        int frames = mag.frames();
        double[] peak = new double[rows * frames];
        double[] valley = new double[rows * frames];
        if (noNaN(mag.data())) {
            extremesByLanes(mag.data(), bins, frames, lo, hi, q, valley, peak);
        } else {
            extremesBySorting(mag.data(), bins, frames, lo, hi, q, valley, peak);
        }
        return new Extremes(rows, frames, peak, valley);
    }

    /** The largest dB value of peaks or valleys: power_to_db's top_db floor is relative to the whole matrix. */
    public static double top(double[] s) {
        double top = Double.NEGATIVE_INFINITY;
        for (double v : s) top = Math.max(top, db(v));
        return top;
    }

    /**
     * The contrast of frames whose extremes are {@code e}, with the tops of the whole spectrogram's
     * peaks and valleys (ignored when linear): for a block of a long spectrogram, the same values
     * as for the whole.
     */
    public FrameMatrix contrast(Extremes e, double peakTop, double valleyTop) {
        double[] peak = e.peak();
        double[] valley = e.valley();
        float[] out = new float[peak.length];
        if (linear) {
            for (int i = 0; i < out.length; i++) out[i] = (float) (peak[i] - valley[i]);
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (Math.max(db(peak[i]), peakTop - 80.0) - Math.max(db(valley[i]), valleyTop - 80.0));
            }
        }
        return new FrameMatrix(e.rows(), e.frames(), out);
    }

    /** power_to_db with ref 1 and amin 1e-10, in double precision, before the top_db floor. */
    private static double db(double v) {
        return 10.0 * Math.log10(Math.max(1e-10, Math.abs(v)));
    }

    private static boolean noNaN(float[] d) {
        boolean ok = true;
        for (float v : d) ok &= v == v;
        return ok;
    }

    /**
     * Mean of the {@code q[b]} smallest (valley) and largest (peak) magnitudes of each band and
     * frame, by sorting each band of each frame (as librosa does; any values, NaN included).
     */
    static void extremesBySorting(float[] d, int bins, int frames, int[] lo, int[] hi, int[] q, double[] valley, double[] peak) {
        int rows = lo.length;
        float[] buf = new float[bins];
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < rows; b++) {
                int n = hi[b] - lo[b] + 1;
                System.arraycopy(d, t * bins + lo[b], buf, 0, n);
                Arrays.sort(buf, 0, n);
                int idx = q[b];
                float vs = 0f;
                float ps = 0f;
                for (int i = 0; i < idx; i++) {
                    vs += buf[i];
                    ps += buf[n - idx + i];
                }
                valley[t * rows + b] = vs / idx;
                peak[t * rows + b] = ps / idx;
            }
        }
    }

    /** Frames per block of {@link #extremesByLanes}: its k-smallest/k-largest tables stay in L1. */
    private static final int LANES = 256;

    /**
     * The same sums without sorting: for a block of frames at once, each band's bins are inserted
     * into the sorted k smallest and k largest so far ({@code b[s] = max(a[s-1], min(a[s], v))}),
     * in loops over frames that the JIT vectorises (every array at the same index). The k values
     * and their order equal sorted[:k] and sorted[-k:], so the float sums are identical. A band
     * keeps ~2 % of its bins, so this is ~k min/max per value instead of a sort of every band.
     * Requires no NaN (min/max would propagate it; the sort puts it last).
     */
    static void extremesByLanes(float[] d, int bins, int frames, int[] lo, int[] hi, int[] q, double[] valley, double[] peak) {
        int rows = lo.length;
        int kMax = 0;
        for (int v : q) kMax = Math.max(kMax, v);
        float[][] low = new float[kMax][LANES];
        float[][] high = new float[kMax][LANES];
        float[][] tile = new float[bins][LANES];
        for (int t0 = 0; t0 < frames; t0 += LANES) {
            int nl = Math.min(LANES, frames - t0);
            // Bin-major tile of this block of frames.
            for (int t = 0; t < nl; t++) {
                int base = (t0 + t) * bins;
                for (int k = 0; k < bins; k++) tile[k][t] = d[base + k];
            }
            for (int b = 0; b < rows; b++) {
                int kq = q[b];
                for (int s = 0; s < kq; s++) {
                    Arrays.fill(low[s], 0, nl, Float.POSITIVE_INFINITY);
                    Arrays.fill(high[s], 0, nl, Float.NEGATIVE_INFINITY);
                }
                for (int k = lo[b]; k <= hi[b]; k++) {
                    float[] row = tile[k];
                    // k smallest, ascending: from the top place down, each takes the value clamped
                    // between its lower neighbour and itself.
                    for (int s = kq - 1; s > 0; s--) {
                        float[] cur = low[s];
                        float[] below = low[s - 1];
                        for (int t = 0; t < nl; t++) cur[t] = Math.max(below[t], Math.min(cur[t], row[t]));
                    }
                    float[] first = low[0];
                    for (int t = 0; t < nl; t++) first[t] = Math.min(first[t], row[t]);
                    // k largest, ascending: from the bottom place up.
                    for (int s = 0; s < kq - 1; s++) {
                        float[] cur = high[s];
                        float[] above = high[s + 1];
                        for (int t = 0; t < nl; t++) cur[t] = Math.min(above[t], Math.max(cur[t], row[t]));
                    }
                    float[] last = high[kq - 1];
                    for (int t = 0; t < nl; t++) last[t] = Math.max(last[t], row[t]);
                }
                for (int t = 0; t < nl; t++) {
                    float vs = 0f;
                    float ps = 0f;
                    for (int i = 0; i < kq; i++) {
                        vs += low[i][t];
                        ps += high[i][t];
                    }
                    valley[(t0 + t) * rows + b] = vs / kq;
                    peak[(t0 + t) * rows + b] = ps / kq;
                }
            }
        }
    }

    public float[][] compute(Signal signal) {
        return fromMagnitude(stft.magnitude(SignalChecks.samplesAt(signal, sampleRate))).toArray();
    }
}
