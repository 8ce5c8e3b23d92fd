package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.OneVersusRest;
import smile.classification.SVM;

/** Linear SVM, one-vs-rest, probabilities by Platt scaling of each binary score (Smile). */
public final class LinearSvmAlgo implements Algorithm {
    @Override
    public String name() {
        return "svm-linear";
    }

    @Override
    public String description() {
        return "linear SVM, one-vs-rest, Platt-scaled probabilities (Smile)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("C", "0.1", "epochs", "2");
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("C", List.of("0.01", "0.03", "0.1", "0.3", "1", "3"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
        SVM.Options o = new SVM.Options(p.positive("C"), 1e-3, p.integer("epochs", 1));
        OneVersusRest<double[]> ovr = OneVersusRest.fit(x, y, (xi, yi) -> SVM.fit(xi, yi, o));
        return new SmileModels.Vectors(ovr, k);
    }
}
