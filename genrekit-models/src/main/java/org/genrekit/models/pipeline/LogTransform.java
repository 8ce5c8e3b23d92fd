package org.genrekit.models.pipeline;

import java.io.Serializable;

/**
 * log(x) of the strictly positive, right-skewed columns (variances, energies): their long tails
 * otherwise dominate the scaled space. Chosen at fit time (min &gt; 0 and skewness &gt; 1); values at
 * or below 0 at prediction time are clamped to half the training minimum.
 */
public final class LogTransform implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] floor; // NaN = column left as is

    private LogTransform(double[] floor) {
        this.floor = floor;
    }

    public static LogTransform fit(double[][] x) {
        int d = x[0].length, n = x.length;
        double[] floor = new double[d];
        for (int j = 0; j < d; j++) {
            double min = Double.POSITIVE_INFINITY, m = 0;
            for (double[] r : x) {
                min = Math.min(min, r[j]);
                m += r[j];
            }
            m /= n;
            double m2 = 0, m3 = 0;
            for (double[] r : x) {
                double t = r[j] - m;
                m2 += t * t;
                m3 += t * t * t;
            }
            m2 /= n;
            m3 /= n;
            double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
            floor[j] = min > 0 && skew > 1 ? min / 2 : Double.NaN;
        }
        return new LogTransform(floor);
    }

    public double[] apply(double[] x) {
        double[] out = x.clone();
        for (int j = 0; j < x.length; j++) if (!Double.isNaN(floor[j])) out[j] = Math.log(Math.max(x[j], floor[j]));
        return out;
    }

    public int transformed() {
        int c = 0;
        for (double f : floor) if (!Double.isNaN(f)) c++;
        return c;
    }
}
