package org.genrekit.models.algo;

/** Small helpers for probability vectors. */
final class Probabilities {
    private Probabilities() {
    }

    /** In-place softmax. */
    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            s += z[i];
        }
        for (int i = 0; i < z.length; i++) z[i] /= s;
        return z;
    }

    /** Clips to [0, 1] and renormalises (guards numerical dust from library outputs). */
    static double[] normalise(double[] p) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] > 0)) p[i] = 0;
            s += p[i];
        }
        if (s == 0) {
            java.util.Arrays.fill(p, 1.0 / p.length);
            return p;
        }
        for (int i = 0; i < p.length; i++) p[i] /= s;
        return p;
    }
}
