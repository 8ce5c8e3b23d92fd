package org.genrekit.features.spectral;

/** Small numeric helpers shared by the feature classes. */
public final class Stats {
    private Stats() {
    }

    /** A {@code [1][n]} float matrix from a double vector (librosa's per-frame feature shape). */
    public static float[][] row(double[] v) {
        float[][] out = new float[1][v.length];
        for (int i = 0; i < v.length; i++) out[0][i] = (float) v[i];
        return out;
    }

    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    /** Population variance (numpy's var, ddof=0). */
    public static double var(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / v.length;
    }

    public static double mean(float[] v) {
        double s = 0;
        for (float x : v) s += x;
        return s / v.length;
    }

    public static double var(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) s += (x - m) * (x - m);
        return s / v.length;
    }
}
