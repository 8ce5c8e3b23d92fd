package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.LogisticRegression;

/**
 * Multinomial logistic regression with L2 penalty {@code lambda} on the sum of log-losses
 * (scikit-learn's C = 1/lambda). {@code form=symmetric} (default): one weight vector per class
 * ({@link SoftmaxRegression}); {@code form=smile}: Smile's reference-class model, kept for comparison.
 */
public final class LogisticRegressionAlgo implements Algorithm {
    @Override
    public String name() {
        return "logreg";
    }

    @Override
    public String description() {
        return "multinomial logistic regression, L2 penalty lambda = 1/C (symmetric softmax, L-BFGS)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("lambda", "1", "max_iter", "500", "form", "symmetric");
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("lambda", List.of("0.01", "0.1", "1", "3", "10", "30", "100"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
        double lambda = p.dbl("lambda");
        if (!(lambda >= 0)) throw new IllegalArgumentException("parameter lambda of model 'logreg' must be >= 0, got " + p.str("lambda"));
        int maxIter = p.integer("max_iter", 1);
        return switch (p.str("form")) {
            case "symmetric" -> SoftmaxRegression.fit(x, y, k, lambda, 1e-5, maxIter);
            case "smile" -> new SmileModels.Vectors(
                    LogisticRegression.fit(x, y, new LogisticRegression.Options(lambda, 1e-5, maxIter)), k);
            default -> throw new IllegalArgumentException(
                    "parameter form of model 'logreg' must be symmetric or smile, got " + p.str("form"));
        };
    }
}
