package org.genrekit.models.pipeline;

import java.io.Serializable;

/**
 * Principal component projection of (already standardised) vectors. The covariance matrix's
 * eigenvectors come from cyclic Jacobi rotations: exact for symmetric matrices and fast enough
 * for the few hundred dimensions of our feature sets.
 */
public final class Pca implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double[] mean;
    private final double[][] components; // k x d
    private final double explained;

    private Pca(double[] mean, double[][] components, double explained) {
        this.mean = mean;
        this.components = components;
        this.explained = explained;
    }

    /**
     * @param amount &gt;= 1: that many components; in (0, 1): the fewest components explaining at
     *               least that fraction of the variance
     */
    public static Pca fit(double[][] x, double amount) {
        if (!(amount > 0)) throw new IllegalArgumentException("pca must be > 0 (components or variance fraction), got " + amount);
        if (amount >= 1 && amount != Math.rint(amount)) throw new IllegalArgumentException("pca >= 1 must be a whole number of components, got " + amount);
        int n = x.length, d = x[0].length;
        double[] m = new double[d];
        for (double[] r : x) for (int j = 0; j < d; j++) m[j] += r[j];
        for (int j = 0; j < d; j++) m[j] /= n;
        double[][] c = new double[d][d];
        double[] t = new double[d];
        for (double[] r : x) {
            for (int j = 0; j < d; j++) t[j] = r[j] - m[j];
            for (int a = 0; a < d; a++) {
                double ta = t[a];
                if (ta == 0) continue;
                double[] ca = c[a];
                for (int b = a; b < d; b++) ca[b] += ta * t[b];
            }
        }
        for (int a = 0; a < d; a++) for (int b = a; b < d; b++) {
            c[a][b] /= Math.max(1, n - 1);
            c[b][a] = c[a][b];
        }
        double[][] v = new double[d][d];
        double[] ev = jacobi(c, v);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        java.util.Arrays.sort(order, (p, q) -> Double.compare(ev[q], ev[p]));
        double total = 0;
        for (double e : ev) total += Math.max(0, e);
        int k;
        if (amount >= 1) {
            k = (int) amount;
            if (k > d) throw new IllegalArgumentException("pca=" + k + " exceeds the " + d + " input columns");
        } else {
            double acc = 0;
            k = 0;
            while (k < d && acc < amount * total) acc += Math.max(0, ev[order[k++]]);
        }
        double[][] comp = new double[k][d];
        double kept = 0;
        for (int i = 0; i < k; i++) {
            int col = order[i];
            kept += Math.max(0, ev[col]);
            for (int j = 0; j < d; j++) comp[i][j] = v[j][col];
        }
        return new Pca(m, comp, total == 0 ? 1 : kept / total);
    }

    /** Eigen-decomposition of symmetric {@code a} (destroyed); eigenvectors in the columns of {@code v}. */
    private static double[] jacobi(double[][] a, double[][] v) {
        int d = a.length;
        for (int i = 0; i < d; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < d; p++) {
                diag += a[p][p] * a[p][p];
                for (int q = p + 1; q < d; q++) off += a[p][q] * a[p][q];
            }
            if (off <= 1e-22 * Math.max(diag, 1e-300)) break;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    double apq = a[p][q];
                    if (Math.abs(apq) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double tt = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) tt = 1;
                    double cs = 1 / Math.sqrt(tt * tt + 1), sn = tt * cs;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = cs * akp - sn * akq;
                        a[k][q] = sn * akp + cs * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = cs * apk - sn * aqk;
                        a[q][k] = sn * apk + cs * aqk;
                    }
                    for (int k = 0; k < d; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = cs * vkp - sn * vkq;
                        v[k][q] = sn * vkp + cs * vkq;
                    }
                }
            }
        }
        double[] ev = new double[d];
        for (int i = 0; i < d; i++) ev[i] = a[i][i];
        return ev;
    }

    public double[] apply(double[] x) {
        double[] out = new double[components.length];
        for (int i = 0; i < components.length; i++) {
            double s = 0;
            double[] c = components[i];
            for (int j = 0; j < c.length; j++) s += c[j] * (x[j] - mean[j]);
            out[i] = s;
        }
        return out;
    }

    public int components() {
        return components.length;
    }

    /** Fraction of the variance the kept components explain. */
    public double explainedVariance() {
        return explained;
    }
}
