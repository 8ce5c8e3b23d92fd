package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * RBF-kernel SVM, one-vs-one with Platt-scaled pairwise probabilities (Smile). {@code gamma}
 * follows scikit-learn: k(x, y) = exp(-gamma |x - y|^2); "scale" means 1 / (d * var) = 1 / d on
 * standardised inputs.
 */
public final class RbfSvmAlgo implements Algorithm<RbfSvmAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("C", "3", "soft-margin penalty, > 0"),
            new ParamDoc("gamma", "scale", "kernel width in exp(-gamma |x - y|^2), > 0, or scale (1 / columns)"));

    /** @param gamma the kernel's gamma; empty for "scale" (1 / columns, known only at fit time) */
    public record Options(double c, OptionalDouble gamma) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("svm-rbf", PARAMS, params);
            double c = r.positive("C");
            if (r.text("gamma").equals("scale")) return new Options(c, OptionalDouble.empty());
            double g;
            try {
                g = r.positive("gamma");
            } catch (IllegalArgumentException e) {
                throw r.bad("gamma", "> 0 or scale", r.text("gamma"));
            }
            return new Options(c, OptionalDouble.of(g));
        }
    }

    @Override
    public String name() {
        return "svm-rbf";
    }

    @Override
    public String description() {
        return "RBF-kernel SVM, one-vs-one, Platt-scaled probabilities (Smile)";
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
        return Map.of("C", List.of("0.3", "1", "3", "10", "30"), "gamma", List.of("0.003", "0.01", "scale", "0.03", "0.1"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options options, long seed, int threads) {
        double c = options.c();
        double gamma = options.gamma().orElse(1.0 / x[0].length);
        // Smile's Gaussian kernel is exp(-|x-y|^2 / (2 sigma^2)).
        double sigma = Math.sqrt(1 / (2 * gamma));
        GaussianKernel kernel = new GaussianKernel(sigma);
        SVM.Options o = new SVM.Options(c);
        OneVersusOne<double[]> ovo = OneVersusOne.fit(x, y, (xi, yi) -> SVM.fit(xi, yi, kernel, o));
        return new SmileModels.Vectors(ovo, k);
    }
}
