package org.genrekit.models.pipeline;

import java.io.Serializable;
import java.util.Arrays;
import smile.feature.extraction.PCA;
import smile.tensor.DenseMatrix;
import smile.tensor.Vector;

/**
 * Principal component projection of (already standardised) vectors. Smile fits it (the covariance
 * matrix's eigen-decomposition through LAPACK); only the centre and the kept components are stored,
 * so a bundle holds plain arrays and needs no Smile class to be read back.
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
        int d = x[0].length;
        if (amount >= 1 && amount > d) throw new IllegalArgumentException("pca=" + (int) amount + " exceeds the " + d + " input columns");
        PCA pca = PCA.fit(x);
        Vector variance = pca.variance();
        DenseMatrix loadings = pca.loadings(); // eigenvectors in the columns
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(variance.get(q), variance.get(p)));
        double total = 0;
        for (int i = 0; i < d; i++) total += Math.max(0, variance.get(i));
        int k;
        if (amount >= 1) {
            k = (int) amount;
        } else {
            double acc = 0;
            k = 0;
            while (k < d && acc < amount * total) acc += Math.max(0, variance.get(order[k++]));
        }
        double[][] comp = new double[k][d];
        double kept = 0;
        for (int i = 0; i < k; i++) {
            int col = order[i];
            kept += Math.max(0, variance.get(col));
            for (int j = 0; j < d; j++) comp[i][j] = loadings.get(j, col);
        }
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) mean[j] = pca.center().get(j);
        return new Pca(mean, comp, total == 0 ? 1 : kept / total);
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
