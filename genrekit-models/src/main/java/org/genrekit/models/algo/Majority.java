package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;

/** Baseline: always the training class frequencies (scikit-learn's DummyClassifier "prior"). */
public final class Majority implements Algorithm<Majority.Options> {
    static final List<ParamDoc> PARAMS = List.of();

    /** The baseline takes no parameters. */
    public record Options() {
        public static Options of(Map<String, String> params) {
            ParamReader.of("majority", PARAMS, params);
            return new Options();
        }
    }

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public String description() {
        return "majority-class baseline (predicts the training class frequencies)";
    }

    @Override
    public List<ParamDoc> params() {
        return PARAMS;
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of();
    }

    @Override
    public Options options(Map<String, String> params) {
        return Options.of(params);
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options o, long seed, int threads) {
        double[] prior = new double[k];
        for (int c : y) prior[c]++;
        for (int c = 0; c < k; c++) prior[c] /= y.length;
        return new Model(prior);
    }

    record Model(double[] prior) implements VectorModel {
        @Override
        public int numClasses() {
            return prior.length;
        }

        @Override
        public double[] proba(double[] x) {
            return prior.clone();
        }
    }
}
