package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.OneVersusRest;
import smile.classification.SVM;

/** Linear SVM, one-vs-rest, probabilities by Platt scaling of each binary score (Smile). */
public final class LinearSvmAlgo implements Algorithm<LinearSvmAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("C", "0.1", "soft-margin penalty, > 0"),
            new ParamDoc("epochs", "2", "passes of the LASVM solver, an integer >= 1"));

    public record Options(double c, int epochs) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("svm-linear", PARAMS, params);
            return new Options(r.positive("C"), r.integer("epochs", 1));
        }
    }

    @Override
    public String name() {
        return "svm-linear";
    }

    @Override
    public String description() {
        return "linear SVM, one-vs-rest, Platt-scaled probabilities (Smile)";
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
        return Map.of("C", List.of("0.01", "0.03", "0.1", "0.3", "1", "3"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options options, long seed, int threads) {
        SVM.Options o = new SVM.Options(options.c(), 1e-3, options.epochs());
        OneVersusRest<double[]> ovr = OneVersusRest.fit(x, y, (xi, yi) -> SVM.fit(xi, yi, o));
        return new SmileModels.Vectors(ovr, k);
    }
}
