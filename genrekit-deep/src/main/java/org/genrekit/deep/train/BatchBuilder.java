package org.genrekit.deep.train;

import java.util.List;
import java.util.Random;
import org.genrekit.deep.input.Normalizer;
import org.genrekit.deep.input.TrackInput;

/**
 * Turns (track, chunk start) pairs into one flat, normalised, augmented batch array, so that the
 * engine receives a whole batch in one call. Pure Java; runs on builder threads.
 */
final class BatchBuilder {
    /** A ready batch: x is (n, 1, rows, width) row-major; y holds soft labels (n, classes). */
    record Batch(float[] x, float[] y, int[] hard, int n) {
    }

    /** One chunk to cut: a track and where the chunk starts. */
    record Pick(int track, int start) {
    }

    private final List<TrackInput> tracks;
    private final Normalizer norm;
    private final int rows, width, classes;
    private final boolean decibels;

    /** @param decibels whether rows are log-mel bands in dB (gain and tilt apply only then) */
    BatchBuilder(List<TrackInput> tracks, Normalizer norm, int rows, int width, int classes, boolean decibels) {
        this.decibels = decibels;
        this.tracks = tracks;
        this.norm = norm;
        this.rows = rows;
        this.width = width;
        this.classes = classes;
    }

    Batch build(List<Pick> picks, Augment aug, Random rnd) {
        int n = picks.size(), size = rows * width;
        float[] x = new float[n * size];
        float[] y = new float[n * classes];
        int[] hard = new int[n];
        for (int i = 0; i < n; i++) {
            Pick p = picks.get(i);
            TrackInput t = tracks.get(p.track());
            for (int r = 0; r < rows; r++) norm.copyRow(t.plane()[r], r, p.start(), width, x, i * size + r * width);
            if (aug != null && decibels && (aug.gainDb() > 0 || aug.tiltDb() > 0)) gainTilt(x, i * size, aug, rnd);
            if (aug != null) mask(x, i * size, aug, rnd);
            hard[i] = t.label();
            if (t.label() >= 0) y[i * classes + t.label()] = 1f;
        }
        if (aug != null && aug.mixupAlpha() > 0 && n > 1) mixup(x, y, n, size, aug.mixupAlpha(), rnd);
        return new Batch(x, y, hard, n);
    }

    private void gainTilt(float[] x, int off, Augment a, Random rnd) {
        double gain = (2 * rnd.nextDouble() - 1) * a.gainDb(), tilt = (2 * rnd.nextDouble() - 1) * a.tiltDb();
        for (int r = 0; r < rows; r++) {
            // The offset is in dB; rows are already standardised, so scale it by the row's spread.
            float d = (float) ((gain + tilt * (rows == 1 ? 0 : r / (double) (rows - 1) - 0.5)) / norm.std()[r]);
            for (int k = off + r * width, end = k + width; k < end; k++) x[k] += d;
        }
    }

    private void mask(float[] x, int off, Augment a, Random rnd) {
        for (int m = 0; m < a.freqMasks() && rows > 1; m++) {
            int w = rnd.nextInt(Math.min(a.freqMaskMax(), rows - 1) + 1), f0 = rnd.nextInt(rows - w + 1);
            for (int r = f0; r < f0 + w; r++) java.util.Arrays.fill(x, off + r * width, off + (r + 1) * width, 0f);
        }
        for (int m = 0; m < a.timeMasks() && width > 1; m++) {
            int w = rnd.nextInt(Math.min(a.timeMaskMax(), width - 1) + 1), t0 = rnd.nextInt(width - w + 1);
            for (int r = 0; r < rows; r++) java.util.Arrays.fill(x, off + r * width + t0, off + r * width + t0 + w, 0f);
        }
    }

    private void mixup(float[] x, float[] y, int n, int size, double alpha, Random rnd) {
        float[] x0 = x.clone(), y0 = y.clone();
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(n);
            float lam = (float) beta(alpha, rnd);
            for (int k = 0; k < size; k++) x[i * size + k] = lam * x0[i * size + k] + (1 - lam) * x0[j * size + k];
            for (int c = 0; c < classes; c++) y[i * classes + c] = lam * y0[i * classes + c] + (1 - lam) * y0[j * classes + c];
        }
    }

    static double beta(double a, Random rnd) {
        double g1 = gamma(a, rnd), g2 = gamma(a, rnd);
        return g1 / (g1 + g2);
    }

    /** Marsaglia-Tsang gamma sampler; shapes below 1 use the U^(1/a) boost. */
    static double gamma(double a, Random rnd) {
        if (a < 1) return gamma(a + 1, rnd) * Math.pow(rnd.nextDouble(), 1 / a);
        double d = a - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rnd.nextGaussian(), v = 1 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
        }
    }
}
