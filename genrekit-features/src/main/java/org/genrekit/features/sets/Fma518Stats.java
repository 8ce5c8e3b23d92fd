package org.genrekit.features.sets;

import java.util.Arrays;

/**
 * The seven statistics of FMA's {@code feature_stats} over one feature row, as numpy/scipy compute
 * them on float32 data: mean, std (ddof 0), skew and kurtosis (biased, Fisher), median, min, max.
 * skew and kurtosis are NaN where scipy declares the row constant:
 * {@code m2 <= (finfo(float32).resolution * mean)^2}.
 */
final class Fma518Stats {
    /** Order of the statistics in FMA's columns (alphabetical). */
    static final String[] NAMES = {"kurtosis", "max", "mean", "median", "min", "skew", "std"};
    private static final double FLOAT32_RESOLUTION = 1e-6;

    private Fma518Stats() {
    }

    /** Returns {kurtosis, max, mean, median, min, skew, std} of the row. */
    static double[] of(float[] row) {
        int n = row.length;
        if (n == 0) {
            double[] nan = new double[NAMES.length];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (float v : row) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        // scipy works in the data's dtype: the mean it compares with is the float32 mean.
        double meanF = (float) mean;
        boolean constant = m2 <= Math.pow(FLOAT32_RESOLUTION * meanF, 2);
        double skew = constant ? Double.NaN : m3 / Math.pow(m2, 1.5);
        double kurt = constant ? Double.NaN : m4 / (m2 * m2) - 3.0;
        float[] sorted = row.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2.0;
        return new double[] {kurt, max, mean, median, min, skew, Math.sqrt(m2)};
    }
}
