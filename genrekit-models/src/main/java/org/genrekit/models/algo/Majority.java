package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;

/** Baseline: always the training class frequencies (scikit-learn's DummyClassifier "prior"). */
public final class Majority implements Algorithm {
    @Override
    public String name() {
        return "majority";
    }

    @Override
    public String description() {
        return "majority-class baseline (predicts the training class frequencies)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of();
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of();
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
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
