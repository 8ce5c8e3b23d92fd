package org.genrekit.features.rhythm;

import java.util.Arrays;
import org.genrekit.audio.Signal;
import org.genrekit.features.dsp.Params;

/**
 * Ellis' dynamic-programming beat tracker as {@code librosa.beat.beat_track} (0.11): the onset
 * envelope (median-aggregated) is scaled by its standard deviation and smoothed with a Gaussian
 * of the beat period; a DP links each frame to the best earlier beat about one period back with a
 * log-ratio penalty weighted by {@code tightness}; the path is read back from the last strong
 * local maximum of the cumulative score; weak leading and trailing beats are trimmed. Single
 * precision where librosa's numba kernels are. Immutable.
 */
public final class BeatTracker {
    /** Tempo in BPM and beat positions in frames. */
    public record Beats(double tempo, int[] frames) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Beats b && b.tempo == tempo && Arrays.equals(b.frames, frames);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(tempo) * 31 + Arrays.hashCode(frames);
        }

        @Override
        public String toString() {
            return "Beats[tempo=" + tempo + ", frames=" + Arrays.toString(frames) + "]";
        }
    }

    private final int sampleRate;
    private final int hopLength;
    private final double tightness;
    private final boolean trim;
    private final Tempo tempo;

    public BeatTracker(int sampleRate, int hopLength, double startBpm, double tightness, boolean trim) {
        this.sampleRate = Params.positive("sr", sampleRate);
        this.hopLength = Params.positive("hop_length", hopLength);
        if (!(tightness > 0)) throw new IllegalArgumentException("tightness must be strictly positive");
        this.tightness = tightness;
        this.trim = trim;
        this.tempo = new Tempo(sampleRate, hopLength, startBpm, 1.0, 8.0, 320.0);
    }

    /** librosa's defaults: hop 512, start 120 BPM, tightness 100, trim. */
    public static BeatTracker defaults(int sampleRate) {
        return new BeatTracker(sampleRate, 512, 120.0, 100, true);
    }

    public Beats track(Signal signal) {
        return track(OnsetStrength.forBeatTracking(sampleRate).compute(signal));
    }

    /** From an onset envelope; an all-zero envelope gives tempo 0 and no beats. */
    public Beats track(float[] onset) {
        boolean any = false;
        for (float v : onset) if (v != 0f) { any = true; break; }
        if (!any) return new Beats(0.0, new int[0]);
        double bpm = tempo.fromOnsetEnvelope(onset);
        double frameRate = sampleRate / (double) hopLength;
        float fpb = (float) Math.rint(frameRate * 60.0 / bpm);
        float[] local = localScore(normalize(onset), fpb);
        int n = local.length;
        int[] backlink = new int[n];
        float[] cumscore = new float[n];
        dp(local, fpb, (float) tightness, backlink, cumscore);
        boolean[] beats = new boolean[n];
        for (int b = lastBeat(cumscore); b >= 0; b = backlink[b]) beats[b] = true;
        trimBeats(local, beats);
        int count = 0;
        for (boolean b : beats) if (b) count++;
        int[] idx = new int[count];
        for (int i = 0, j = 0; i < n; i++) if (beats[i]) idx[j++] = i;
        return new Beats(bpm, idx);
    }

    /** onsets / (std with ddof=1 + tiny), float32. */
    private static float[] normalize(float[] x) {
        double mean = 0;
        for (float v : x) mean += v;
        mean /= x.length;
        double ss = 0;
        for (float v : x) ss += (v - mean) * (v - mean);
        float std = (float) Math.sqrt(ss / Math.max(1, x.length - 1));
        float denom = std + Float.MIN_NORMAL;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] / denom;
        return out;
    }

    private static float[] localScore(float[] onset, float fpb) {
        int p = (int) fpb;
        int k = 2 * p + 1;
        double[] window = new double[k];
        for (int j = 0; j < k; j++) {
            double a = (j - p) * 32.0 / fpb;
            window[j] = Math.exp(-0.5 * a * a);
        }
        int n = onset.length;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            float acc = 0f;
            // librosa's same-mode loop stops one short, so onset[0] never contributes.
            int from = Math.max(0, i + k / 2 - n + 1);
            int to = Math.min(i + k / 2, k);
            for (int j = from; j < to; j++) acc = (float) (acc + window[j] * onset[i + k / 2 - j]);
            out[i] = acc;
        }
        return out;
    }

    private static void dp(float[] local, float fpb, float tightness, int[] backlink, float[] cumscore) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : local) max = Math.max(max, v);
        double threshold = 0.01 * max;
        boolean firstBeat = true;
        double logFpb = Math.log(fpb);
        int near = (int) Math.rint(fpb / 2.0);
        int far = (int) (-2 * fpb - 1); // truncation toward zero, as Python's int()
        for (int i = 0; i < local.length; i++) {
            double best = Double.NEGATIVE_INFINITY;
            int at = -1;
            for (int loc = i - near; loc > i + far; loc--) {
                if (loc < 0) break;
                double r = Math.log(i - loc) - logFpb;
                double score = cumscore[loc] - tightness * (r * r);
                if (score > best) {
                    best = score;
                    at = loc;
                }
            }
            cumscore[i] = at >= 0 ? (float) (local[i] + best) : local[i];
            if (firstBeat && local[i] < threshold) {
                backlink[i] = -1;
            } else {
                backlink[i] = at;
                firstBeat = false;
            }
        }
    }

    /** Last local maximum of the cumulative score reaching half the median of all its local maxima. */
    private static int lastBeat(float[] cum) {
        int n = cum.length;
        boolean[] lmax = new boolean[n];
        float[] p = new float[n];
        int count = 0;
        for (int i = 1; i < n; i++) {
            lmax[i] = i == n - 1 ? cum[i] > cum[i - 1] : cum[i] > cum[i - 1] && cum[i] >= cum[i + 1];
            if (lmax[i]) p[count++] = cum[i];
        }
        if (count == 0) return n - 1;
        p = Arrays.copyOf(p, count);
        Arrays.sort(p);
        float median = p.length % 2 == 1 ? p[p.length / 2] : (p[p.length / 2 - 1] + p[p.length / 2]) / 2f;
        double threshold = 0.5 * median;
        for (int i = n - 1; i >= 0; i--) if (lmax[i] && cum[i] >= threshold) return i;
        return n - 1;
    }

    private void trimBeats(float[] local, boolean[] beats) {
        int n = local.length;
        double threshold = 0.0;
        if (trim) {
            int nb = 0;
            for (boolean b : beats) if (b) nb++;
            if (nb > 0) {
                double[] a = new double[nb];
                int j = 0;
                for (int i = 0; i < n; i++) if (beats[i]) a[j++] = local[i];
                double[] w = {0.0, 0.5, 1.0, 0.5, 0.0};
                // Full convolution sliced [2, n + 2): librosa's numba-compatible 'same' variant.
                int full = nb + w.length - 1;
                int end = Math.min(full, n + 2);
                double ss = 0;
                int count = 0;
                for (int m = 2; m < end; m++) {
                    double c = 0;
                    for (int q = 0; q < w.length; q++) {
                        int src = m - q;
                        if (src >= 0 && src < nb) c += a[src] * w[q];
                    }
                    ss += c * c;
                    count++;
                }
                threshold = 0.5 * Math.sqrt(ss / count);
            }
        }
        for (int i = 0; i < n && local[i] <= threshold; i++) beats[i] = false;
        for (int i = n - 1; i >= 0 && local[i] <= threshold; i--) beats[i] = false;
    }
}
