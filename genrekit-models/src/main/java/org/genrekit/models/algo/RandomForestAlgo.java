package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.RandomForest;

/** Random forest (Smile); mtry 0 means sqrt(d). */
public final class RandomForestAlgo implements Algorithm {
    @Override
    public String name() {
        return "rf";
    }

    @Override
    public String description() {
        return "random forest, Gini, probability = mean of tree posteriors (Smile)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("trees", "300", "mtry", "0", "max_depth", "20", "max_nodes", "0", "node_size", "1");
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("trees", List.of("300"), "mtry", List.of("0", "4", "12"), "node_size", List.of("1", "3"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
        int d = x[0].length;
        int mtry = p.integer("mtry", 0);
        if (mtry == 0) mtry = Math.max(1, (int) Math.floor(Math.sqrt(d)));
        int maxNodes = p.integer("max_nodes", 0);
        if (maxNodes == 0) maxNodes = Math.max(2, x.length);
        RandomForest.Options o = new RandomForest.Options(p.integer("trees", 1), Math.min(mtry, d), p.integer("max_depth", 1), maxNodes, p.integer("node_size", 1));
        RandomForest rf = RandomForest.fit(SmileModels.formula(), SmileModels.frame(x, y), o);
        return SmileModels.Frame.of(rf, d, k);
    }
}
