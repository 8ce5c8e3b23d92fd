package org.genrekit.deep.input;

import java.util.List;

/**
 * Per-row standardisation (per mel band, per feature). Fitted on the training part only, so no
 * statistic of the validation tracks leaks into the model.
 */
public record Normalizer(float[] mean, float[] std) {
    public Normalizer {
        if (mean.length != std.length) throw new IllegalArgumentException("mean and std differ in length");
        for (float s : std) if (!(s > 0)) throw new IllegalArgumentException("std must be > 0, got " + s);
    }

    /** No change: for inputs that come normalised as the network expects them. */
    public static Normalizer identity(int rows) {
        float[] std = new float[rows];
        java.util.Arrays.fill(std, 1f);
        return new Normalizer(new float[rows], std);
    }

    public static Normalizer fit(List<TrackInput> training) {
        if (training.isEmpty()) throw new IllegalArgumentException("cannot fit a normalizer on no tracks");
        int rows = training.getFirst().rows();
        double[] sum = new double[rows], sq = new double[rows];
        long[] n = new long[rows];
        for (TrackInput t : training) {
            if (t.rows() != rows) throw new IllegalArgumentException("track " + t.id() + " has " + t.rows() + " rows, expected " + rows);
            for (int r = 0; r < rows; r++) {
                for (float v : t.plane()[r]) {
                    sum[r] += v;
                    sq[r] += v * (double) v;
                }
                n[r] += t.cols();
            }
        }
        float[] mean = new float[rows], std = new float[rows];
        for (int r = 0; r < rows; r++) {
            double m = sum[r] / n[r];
            mean[r] = (float) m;
            std[r] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sq[r] / n[r] - m * m)));
        }
        return new Normalizer(mean, std);
    }

    public int rows() {
        return mean.length;
    }

    /** Writes row r's normalised values [from, from+width) into dst at offset. */
    public void copyRow(float[] src, int r, int from, int width, float[] dst, int offset) {
        float m = mean[r], inv = 1f / std[r];
        for (int i = 0; i < width; i++) {
            int j = from + i;
            // Chunks that run past a short track repeat it from the start rather than padding with silence.
            float v = src[j % src.length];
            dst[offset + i] = (v - m) * inv;
        }
    }
}
