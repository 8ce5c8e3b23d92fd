package org.genrekit.features.spectral;

import java.util.Arrays;
import org.genrekit.features.dsp.FrameMatrix;
import org.genrekit.features.dsp.Params;
import org.genrekit.features.dsp.Stft;

/**
 * {@code librosa.estimate_tuning} / {@code piptrack} / {@code pitch_tuning}: peaks of each frame
 * between fmin and fmax that exceed {@code threshold * frame max} are refined by parabolic
 * interpolation; the pitches whose magnitude is at least the median are folded to their deviation
 * from the equal-tempered grid ({@code bins_per_octave} per octave, A440) and histogrammed at
 * {@code resolution}; the most common deviation is the tuning, in [-0.5, 0.5).
 *
 * <p>The arithmetic is single precision where librosa's is (its spectrogram is float32), so that
 * the histogram bin, a discrete outcome, comes out the same. Immutable.
 */
public final class TuningEstimator {
    private final int sampleRate;
    private final int nFft;
    private final double resolution;
    private final int binsPerOctave;
    private final double fmin;
    private final double fmax;
    private final float threshold;
    /** FFT bins between fmin and fmax. */
    private final int kLo;
    private final int kHi;
    /** Histogram edges of the deviations, from -0.5 in steps of the resolution. */
    private final double[] edges;

    public TuningEstimator(int sampleRate, int nFft, double resolution, int binsPerOctave, double fmin, double fmax, double threshold) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.nFft = Params.positive("n_fft", nFft);
        if (!(resolution > 0 && resolution < 1)) throw new IllegalArgumentException("resolution=" + resolution + " must be in (0, 1)");
        this.resolution = resolution;
        this.binsPerOctave = Params.positive("bins_per_octave", binsPerOctave);
        this.fmin = Math.max(fmin, 0);
        this.fmax = Math.min(fmax, sampleRate / 2.0);
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold=" + threshold + " must be in (0, 1)");
        this.threshold = (float) threshold;
        int bins = nFft / 2 + 1;
        int lo = bins;
        int hi = -1;
        for (int k = 0; k < bins; k++) {
            double f = k * (double) sampleRate / nFft;
            if (this.fmin <= f && f < this.fmax) {
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
            }
        }
        this.kLo = lo;
        this.kHi = hi;
        int nb = (int) Math.ceil(1.0 / resolution);
        this.edges = new double[nb + 1];
        double step = 1.0 / nb;
        for (int i = 0; i <= nb; i++) edges[i] = i == nb ? 0.5 : i * step + -0.5;
    }

    /** librosa's defaults: resolution 0.01, piptrack fmin 150 Hz, fmax 4000 Hz, threshold 0.1. */
    public static TuningEstimator of(int sampleRate, int nFft, int binsPerOctave) {
        return new TuningEstimator(sampleRate, nFft, 0.01, binsPerOctave, 150.0, 4000.0, 0.1);
    }

    public int binsPerOctave() {
        return binsPerOctave;
    }

    /**
     * Tuning of a time signal, as {@code estimate_tuning(y=y, sr=sr, bins_per_octave=...)}: on the
     * magnitude STFT with n_fft and hop n_fft/4.
     */
    public double estimate(float[] y) {
        return estimate(new Stft(nFft, nFft / 4).magnitude(y));
    }

    /** Tuning from a magnitude or power spectrogram (frame-major, n_fft/2 + 1 rows). */
    public double estimate(FrameMatrix s) {
        int bins = s.rows();
        if (bins != nFft / 2 + 1) throw new IllegalArgumentException("spectrogram has " + bins + " bins, expected " + (nFft / 2 + 1));
        Peaks peaks = new Peaks();
        for (int t = 0; t < s.frames(); t++) collect(s.data(), t * bins, peaks);
        return peaks.tuning();
    }

    /** The pitch peaks of a spectrogram seen frame by frame; {@link #tuning()} once all are in. */
    public Peaks peaks() {
        return new Peaks();
    }

    /**
     * piptrack's peaks of one frame ({@code d[base .. base + n_fft/2]}): for each, its magnitude
     * and the histogram bin of its deviation from the equal-tempered grid (-1 when outside), which
     * is all that {@code pitch_tuning} needs of it. About 6 bytes per peak.
     */
    public void collect(float[] d, int base, Peaks peaks) {
        int bins = nFft / 2 + 1;
        float max = 0f;
        for (int k = 0; k < bins; k++) max = Math.max(max, d[base + k]);
        float ref = threshold * max;
        for (int k = Math.max(kLo, 0); k <= kHi; k++) {
            float x = masked(d, base, k, ref);
            boolean peak;
            if (k == 0) {
                peak = false;
            } else if (k == bins - 1) {
                peak = x > masked(d, base, k - 1, ref);
            } else {
                peak = x > masked(d, base, k - 1, ref) && x >= masked(d, base, k + 1, ref);
            }
            if (!peak) continue;
            float shift = 0f;
            float avg;
            if (k > 0 && k < bins - 1) {
                float xm = d[base + k - 1];
                float x0 = d[base + k];
                float xp = d[base + k + 1];
                // librosa's numba stencil: the float32 sums, but the integer literal 2 promotes
                // "2 * x0" and "/ 2" to float64, so a, b and -b / a are double, rounded once.
                double a = (double) (xp + xm) - 2.0 * x0;
                double b = (double) (xp - xm) / 2.0;
                shift = Math.abs(b) >= Math.abs(a) ? 0f : (float) (-b / a);
                avg = (xp - xm) / 2.0f;
            } else {
                avg = k == 0 ? d[base + 1] - d[base] : d[base + k] - d[base + k - 1];
            }
            float dskew = 0.5f * avg * shift;
            float pitch = (float) ((k + (double) shift) * (double) sampleRate / nFft);
            // Only pitches > 0 count (a bin can interpolate to exactly 0 only at DC, excluded above).
            if (pitch > 0) peaks.add(d[base + k] + dskew, deviationBin(pitch));
        }
    }

    /** Histogram bin of a pitch's deviation from the grid, or -1 when outside [-0.5, 0.5]. */
    private int deviationBin(float f) {
        // float32 as numpy computes it: log2(f / 27.5) * bins_per_octave, mod 1, folded to [-0.5, 0.5).
        float octs = (float) (Math.log((double) (f / 27.5f)) / Math.log(2.0));
        float v = binsPerOctave * octs;
        float r = v - (float) Math.floor(v);
        if (r >= 0.5f) r -= 1.0f;
        return binIndex(edges, r);
    }

    /**
     * The peaks of every frame, kept as (magnitude, deviation bin) in blocks: the tuning needs
     * their exact median magnitude, so they cannot be summarised as they come.
     */
    public final class Peaks {
        private static final int BLOCK = 1 << 16;
        private final java.util.List<float[]> mags = new java.util.ArrayList<>();
        private final java.util.List<short[]> devs = new java.util.ArrayList<>();
        private long count;

        void add(float mag, int dev) {
            int i = (int) (count % BLOCK);
            if (i == 0) {
                mags.add(new float[BLOCK]);
                devs.add(new short[BLOCK]);
            }
            mags.get(mags.size() - 1)[i] = mag;
            devs.get(devs.size() - 1)[i] = (short) dev;
            count++;
        }

        /** Peaks seen so far. */
        public long count() {
            return count;
        }

        /** pitch_tuning: the most common deviation among the peaks at least as strong as the median one. */
        public double tuning() {
            if (count == 0) return 0.0;
            float median = OrderStatistics.median(mags, count);
            int[] counts = new int[edges.length - 1];
            boolean any = false;
            for (long i = 0; i < count; i++) {
                float m = mags.get((int) (i / BLOCK))[(int) (i % BLOCK)];
                int dev = devs.get((int) (i / BLOCK))[(int) (i % BLOCK)];
                if (!(m >= median) || dev < 0) continue;
                counts[dev]++;
                any = true;
            }
            if (!any) return 0.0;
            int best = 0;
            for (int i = 1; i < counts.length; i++) if (counts[i] > counts[best]) best = i;
            return edges[best];
        }
    }

    private static float masked(float[] d, int base, int k, float ref) {
        float x = d[base + k];
        return x > ref ? x : 0f;
    }

    private static int binIndex(double[] edges, double v) {
        int nb = edges.length - 1;
        if (v < edges[0] || v > edges[nb]) return -1;
        if (v == edges[nb]) return nb - 1;
        int lo = 0;
        int hi = nb;
        // largest i with edges[i] <= v
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /** numpy.median of float32 values: mean of the two middle values for even counts, in float32. */
    static float median(float[] v) {
        Arrays.sort(v);
        int n = v.length;
        if (n % 2 == 1) return v[n / 2];
        return (v[n / 2 - 1] + v[n / 2]) / 2f;
    }
}
