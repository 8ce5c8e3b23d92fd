package org.genrekit.features.spectral;

/**
 * Mean and population variance of values that arrive in blocks. The mean is the running sum of
 * every value in order over the count: the very value {@link Stats#mean} gives for the whole. The
 * variance merges each block's two-pass sum of squared deviations (Chan, Golub and LeVeque), within
 * ~1e-12 relative of {@link Stats#var} of the whole. Not thread-safe.
 */
public final class MeanVar {
    private long n;
    private double sum;
    private double mean;
    private double m2;

    public void add(float[] v, int off, int len) {
        if (len <= 0) return;
        // Widening first gives the very sums the double path computes (it widens each value anyway).
        double[] d = new double[len];
        for (int i = 0; i < len; i++) d[i] = v[off + i];
        add(d, 0, len);
    }

    public void add(double[] v, int off, int len) {
        if (len <= 0) return;
        double running = sum;
        double s = 0;
        for (int i = off; i < off + len; i++) {
            running += v[i];
            s += v[i];
        }
        double bm = s / len;
        double q = 0;
        for (int i = off; i < off + len; i++) q += (v[i] - bm) * (v[i] - bm);
        sum = running;
        merge(len, bm, q);
    }

    private void merge(int len, double blockMean, double blockM2) {
        long total = n + len;
        double delta = blockMean - mean;
        mean += delta * len / total;
        m2 += blockM2 + delta * delta * ((double) n * len / total);
        n = total;
    }

    public long count() {
        return n;
    }

    public double mean() {
        return sum / n;
    }

    public double var() {
        return m2 / n;
    }
}
