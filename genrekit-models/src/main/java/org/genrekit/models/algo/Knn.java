package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;

/**
 * k nearest neighbours (Euclidean) on the standardised vectors. Probabilities are the (optionally
 * inverse-distance weighted) share of each class among the neighbours.
 */
public final class Knn implements Algorithm<Knn.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("k", "7", "neighbours, an integer >= 1 (at most the training rows are used)"),
            new ParamDoc("weights", "distance", "votes: uniform, or distance (1/distance)"));

    /**
     * @param k        neighbours
     * @param weighted votes weighted by 1/distance (else uniform)
     */
    public record Options(int k, boolean weighted) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("knn", PARAMS, params);
            return new Options(r.integer("k", 1), r.choice("weights", List.of("uniform", "distance")).equals("distance"));
        }
    }

    @Override
    public String name() {
        return "knn";
    }

    @Override
    public String description() {
        return "k nearest neighbours, Euclidean, uniform or 1/distance votes";
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
        return Map.of("k", List.of("3", "5", "7", "11", "15", "21"), "weights", List.of("uniform", "distance"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options o, long seed, int threads) {
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) copy[i] = x[i].clone();
        return new Model(copy, y.clone(), k, Math.min(o.k(), x.length), o.weighted());
    }

    record Model(double[][] x, int[] y, int numClasses, int k, boolean weighted) implements VectorModel {
        @Override
        public double[] proba(double[] q) {
            int[] idx = new int[k];
            double[] dist = new double[k];
            java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
            for (int i = 0; i < x.length; i++) {
                double d = 0;
                double[] r = x[i];
                for (int j = 0; j < q.length && d < dist[k - 1]; j++) d += (r[j] - q[j]) * (r[j] - q[j]);
                if (d < dist[k - 1]) {
                    int pos = k - 1;
                    while (pos > 0 && dist[pos - 1] > d) {
                        dist[pos] = dist[pos - 1];
                        idx[pos] = idx[pos - 1];
                        pos--;
                    }
                    dist[pos] = d;
                    idx[pos] = i;
                }
            }
            double[] p = new double[numClasses];
            for (int i = 0; i < k; i++) p[y[idx[i]]] += weighted ? 1 / (Math.sqrt(dist[i]) + 1e-9) : 1;
            return Probabilities.normalise(p);
        }
    }
}
