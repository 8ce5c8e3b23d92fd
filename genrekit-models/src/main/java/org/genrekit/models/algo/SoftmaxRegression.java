package org.genrekit.models.algo;

import org.genrekit.models.pipeline.VectorModel;
import smile.math.BFGS;
import smile.util.function.DifferentiableMultivariateFunction;

/**
 * Multinomial (softmax) logistic regression with one weight vector per class, fitted by L-BFGS on
 * {@code sum of log-losses + lambda/2 * ||W||^2} (intercepts unpenalised): scikit-learn's
 * {@code LogisticRegression(C = 1/lambda)}. Smile's multinomial model pins the last class's weights
 * at 0 and penalises only the others, which shrinks every class towards that reference class; on
 * GTZAN-58 that costs several points of accuracy, hence this symmetric form.
 */
public final class SoftmaxRegression implements VectorModel {
    private static final long serialVersionUID = 1L;
    private final double[][] w; // k x (d + 1), intercept last

    private SoftmaxRegression(double[][] w) {
        this.w = w;
    }

    public static SoftmaxRegression fit(double[][] x, int[] y, int k, double lambda, double tol, int maxIter) {
        if (x.length == 0) throw new IllegalArgumentException("cannot fit logistic regression on 0 rows");
        int d = x[0].length;
        double[] theta = new double[k * (d + 1)];
        BFGS.minimize(new Objective(x, y, k, lambda), 10, theta, tol, maxIter);
        double[][] w = new double[k][d + 1];
        for (int c = 0; c < k; c++) System.arraycopy(theta, c * (d + 1), w[c], 0, d + 1);
        return new SoftmaxRegression(w);
    }

    @Override
    public int numClasses() {
        return w.length;
    }

    @Override
    public double[] proba(double[] x) {
        double[] z = new double[w.length];
        for (int c = 0; c < w.length; c++) z[c] = score(w[c], 0, x);
        return softmaxInPlace(z);
    }

    private static double score(double[] theta, int off, double[] x) {
        int d = x.length;
        double s = theta[off + d];
        for (int j = 0; j < d; j++) s += theta[off + j] * x[j];
        return s;
    }

    private static double[] softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) z[c] /= sum;
        return z;
    }

    private record Objective(double[][] x, int[] y, int k, double lambda) implements DifferentiableMultivariateFunction {
        @Override
        public double f(double[] theta) {
            return g(theta, null);
        }

        @Override
        public double g(double[] theta, double[] grad) {
            int d = x[0].length, stride = d + 1;
            if (grad != null) java.util.Arrays.fill(grad, 0);
            double loss = 0;
            double[] z = new double[k];
            for (int i = 0; i < x.length; i++) {
                double[] xi = x[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    z[c] = score(theta, c * stride, xi);
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) sum += Math.exp(z[c] - max);
                double logSum = max + Math.log(sum);
                loss += logSum - z[y[i]];
                if (grad != null) {
                    for (int c = 0; c < k; c++) {
                        double r = Math.exp(z[c] - logSum) - (c == y[i] ? 1 : 0);
                        int off = c * stride;
                        for (int j = 0; j < d; j++) grad[off + j] += r * xi[j];
                        grad[off + d] += r;
                    }
                }
            }
            double pen = 0;
            for (int c = 0; c < k; c++) {
                int off = c * stride;
                for (int j = 0; j < d; j++) {
                    pen += theta[off + j] * theta[off + j];
                    if (grad != null) grad[off + j] += lambda * theta[off + j];
                }
            }
            return loss + 0.5 * lambda * pen;
        }
    }
}
