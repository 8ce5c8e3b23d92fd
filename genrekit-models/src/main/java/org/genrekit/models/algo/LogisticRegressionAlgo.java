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
public final class LogisticRegressionAlgo implements Algorithm<LogisticRegressionAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("lambda", "1", "L2 penalty on the summed log-loss (scikit-learn's 1/C), >= 0"),
            new ParamDoc("max_iter", "500", "L-BFGS iterations, an integer >= 1"),
            new ParamDoc("form", "symmetric", "symmetric (one weight vector per class) or smile (Smile's reference-class model)"));

    /** @param symmetric one weight vector per class ({@link SoftmaxRegression}); else Smile's reference-class model */
    public record Options(double lambda, int maxIter, boolean symmetric) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("logreg", PARAMS, params);
            return new Options(r.nonNegative("lambda"), r.integer("max_iter", 1), r.choice("form", List.of("symmetric", "smile")).equals("symmetric"));
        }
    }

    @Override
    public String name() {
        return "logreg";
    }

    @Override
    public String description() {
        return "multinomial logistic regression, L2 penalty lambda = 1/C (symmetric softmax, L-BFGS)";
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
        return Map.of("lambda", List.of("0.01", "0.1", "1", "3", "10", "30", "100"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options o, long seed, int threads) {
        if (o.symmetric()) return SoftmaxRegression.fit(x, y, k, o.lambda(), 1e-5, o.maxIter());
        return new SmileModels.Vectors(LogisticRegression.fit(x, y, new LogisticRegression.Options(o.lambda(), 1e-5, o.maxIter())), k);
    }
}
