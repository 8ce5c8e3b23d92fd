package org.genrekit.features.cqt;

/** Per-frame (column) normalisation as librosa.util.normalize(axis=-2, threshold=None, fill=None). */
final class Normalize {
    /** float32 tiny: columns with a smaller norm are left unchanged. */
    private static final double TINY = Float.MIN_NORMAL;

    private Normalize() {
    }

    /** One column of {@link #columns}: {@code v[0 .. n)} in place, the same arithmetic. */
    static void column(float[] v, int n, double norm) {
        if (Double.isNaN(norm)) return;
        double len = 0;
        for (int r = 0; r < n; r++) {
            double a = Math.abs(v[r]);
            if (norm == Double.POSITIVE_INFINITY) len = Math.max(len, a);
            else if (norm == 1) len += a;
            else len += a * a;
        }
        if (norm == 2) len = Math.sqrt(len);
        if (len < TINY) return;
        for (int r = 0; r < n; r++) v[r] = (float) (v[r] / len);
    }

    /** Normalises each column of m in place by its norm (1, 2, inf); NaN means no normalisation. */
    static float[][] columns(float[][] m, double norm) {
        if (Double.isNaN(norm) || m.length == 0) return m;
        int frames = m[0].length;
        for (int t = 0; t < frames; t++) {
            double len = 0;
            for (float[] row : m) {
                double a = Math.abs(row[t]);
                if (norm == Double.POSITIVE_INFINITY) len = Math.max(len, a);
                else if (norm == 1) len += a;
                else len += a * a;
            }
            if (norm == 2) len = Math.sqrt(len);
            if (len < TINY) continue;
            for (float[] row : m) row[t] = (float) (row[t] / len);
        }
        return m;
    }
}
