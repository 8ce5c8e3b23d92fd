package org.genrekit.models.pipeline;

import java.io.Serializable;

/** Centres each column and divides by its population standard deviation (constant columns: by 1). */
public final class StandardScaler implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] mean;
    private final double[] scale;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    public static StandardScaler fit(double[][] x) {
        if (x.length == 0) throw new IllegalArgumentException("cannot fit a scaler on 0 rows");
        int d = x[0].length;
        double[] m = new double[d], s = new double[d];
        for (double[] r : x) for (int j = 0; j < d; j++) m[j] += r[j];
        for (int j = 0; j < d; j++) m[j] /= x.length;
        for (double[] r : x) for (int j = 0; j < d; j++) s[j] += (r[j] - m[j]) * (r[j] - m[j]);
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(s[j] / x.length);
            // A constant column carries no information; dividing by 1 keeps it at 0 instead of NaN.
            s[j] = sd > 1e-12 * Math.max(1, Math.abs(m[j])) ? sd : 1;
        }
        return new StandardScaler(m, s);
    }

    public double[] apply(double[] x) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) out[j] = (x[j] - mean[j]) / scale[j];
        return out;
    }

    public int dimension() {
        return mean.length;
    }
}
