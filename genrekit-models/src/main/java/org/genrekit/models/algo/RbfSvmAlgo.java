package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * RBF-kernel SVM, one-vs-one with Platt-scaled pairwise probabilities (Smile). {@code gamma}
 * follows scikit-learn: k(x, y) = exp(-gamma |x - y|^2); "scale" means 1 / (d * var) = 1 / d on
 * standardised inputs.
 */
public final class RbfSvmAlgo implements Algorithm {
    @Override
    public String name() {
        return "svm-rbf";
    }

    @Override
    public String description() {
        return "RBF-kernel SVM, one-vs-one, Platt-scaled probabilities (Smile)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("C", "3", "gamma", "scale");
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("C", List.of("0.3", "1", "3", "10", "30"), "gamma", List.of("0.003", "0.01", "scale", "0.03", "0.1"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
        double c = p.positive("C");
        String g = p.str("gamma");
        double gamma = g.equals("scale") ? 1.0 / x[0].length : p.positive("gamma");
        // Smile's Gaussian kernel is exp(-|x-y|^2 / (2 sigma^2)).
        double sigma = Math.sqrt(1 / (2 * gamma));
        GaussianKernel kernel = new GaussianKernel(sigma);
        SVM.Options o = new SVM.Options(c);
        OneVersusOne<double[]> ovo = OneVersusOne.fit(x, y, (xi, yi) -> SVM.fit(xi, yi, kernel, o));
        return new SmileModels.Vectors(ovo, k);
    }
}
