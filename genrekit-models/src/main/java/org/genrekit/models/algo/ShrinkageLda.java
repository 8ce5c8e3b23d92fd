package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;

/**
 * Linear discriminant analysis with a shrunk pooled covariance
 * {@code (1 - s) * Sigma + s * (trace(Sigma) / d) * I}: one shared covariance keeps the 58-feature,
 * ~450-row GTZAN problem well conditioned, and shrinkage tames its smallest eigenvalues. Class
 * posteriors are the softmax of the linear discriminant scores.
 */
public final class ShrinkageLda implements Algorithm<ShrinkageLda.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("shrinkage", "0.1", "weight s of the scaled identity in the pooled covariance, in [0, 1]"));

    public record Options(double shrinkage) {
        public static Options of(Map<String, String> params) {
            return new Options(ParamReader.of("lda", PARAMS, params).number("shrinkage", 0, false, 1, false));
        }
    }

    @Override
    public String name() {
        return "lda";
    }

    @Override
    public String description() {
        return "linear discriminant analysis, pooled covariance shrunk towards a scaled identity by shrinkage";
    }

    @Override
    public List<ParamDoc> params() {
        return PARAMS;
    }

    @Override
    public Options options(Map<String, String> params) {
        return Options.of(params);
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("shrinkage", List.of("0", "0.02", "0.05", "0.1", "0.2", "0.3", "0.5"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options o, long seed, int threads) {
        double s = o.shrinkage();
        int n = x.length, d = x[0].length;
        double[][] mean = new double[k][d];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            count[y[i]]++;
            for (int j = 0; j < d; j++) mean[y[i]][j] += x[i][j];
        }
        for (int c = 0; c < k; c++) for (int j = 0; j < d; j++) if (count[c] > 0) mean[c][j] /= count[c];
        double[][] cov = new double[d][d];
        for (int i = 0; i < n; i++) {
            double[] m = mean[y[i]];
            for (int a = 0; a < d; a++) {
                double da = x[i][a] - m[a];
                for (int b = 0; b <= a; b++) cov[a][b] += da * (x[i][b] - m[b]);
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        double ridge = s * trace / d;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) cov[a][b] *= 1 - s;
            // A tiny floor keeps the Cholesky factorisation defined when s = 0 and a column is constant.
            cov[a][a] += ridge + 1e-9 * Math.max(trace / d, 1e-12);
        }
        double[][] chol = cholesky(cov);
        double[][] w = new double[k][d + 1];
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                w[c][d] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double[] coef = solve(chol, mean[c]);
            double quad = 0;
            for (int j = 0; j < d; j++) quad += coef[j] * mean[c][j];
            System.arraycopy(coef, 0, w[c], 0, d);
            w[c][d] = -0.5 * quad + Math.log((double) count[c] / n);
        }
        return new Model(w);
    }

    /** Lower-triangular L with L L^T = a (a symmetric positive definite). */
    static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int t = 0; t < j; t++) sum -= l[i][t] * l[j][t];
                if (i == j) {
                    if (!(sum > 0)) throw new IllegalArgumentException("lda: the pooled covariance is singular; use shrinkage > 0");
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    static double[] solve(double[][] l, double[] b) {
        int d = b.length;
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int t = 0; t < i; t++) sum -= l[i][t] * z[t];
            z[i] = sum / l[i][i];
        }
        double[] out = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double sum = z[i];
            for (int t = i + 1; t < d; t++) sum -= l[t][i] * out[t];
            out[i] = sum / l[i][i];
        }
        return out;
    }

    /** Linear scores per class (coefficients, intercept last) turned into posteriors by softmax. */
    record Model(double[][] w) implements VectorModel {
        @Override
        public int numClasses() {
            return w.length;
        }

        @Override
        public double[] proba(double[] x) {
            int d = x.length;
            double[] z = new double[w.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < w.length; c++) {
                double s = w[c][d];
                for (int j = 0; j < d; j++) s += w[c][j] * x[j];
                z[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < z.length; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < z.length; c++) z[c] /= sum;
            return z;
        }
    }
}
