package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.GradientTreeBoost;

/** Gradient tree boosting with softmax loss (Smile). */
public final class GradientBoostingAlgo implements Algorithm {
    @Override
    public String name() {
        return "gbm";
    }

    @Override
    public String description() {
        return "gradient tree boosting, multinomial deviance (Smile)";
    }

    @Override
    public Map<String, String> defaults() {
        return Map.of("trees", "200", "max_depth", "4", "max_nodes", "8", "node_size", "5", "shrinkage", "0.05", "subsample", "0.7");
    }

    @Override
    public Map<String, List<String>> grid() {
        return Map.of("trees", List.of("100", "300"), "max_nodes", List.of("6", "12"), "shrinkage", List.of("0.05", "0.1"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Params p, long seed, int threads) {
        double sub = p.positive("subsample");
        if (sub > 1) throw new IllegalArgumentException("parameter subsample of model 'gbm' must be in (0, 1], got " + sub);
        GradientTreeBoost.Options o = new GradientTreeBoost.Options(p.integer("trees", 1), p.integer("max_depth", 1),
                p.integer("max_nodes", 2), p.integer("node_size", 1), p.positive("shrinkage"), sub, null, null);
        GradientTreeBoost gbm = GradientTreeBoost.fit(SmileModels.formula(), SmileModels.frame(x, y), o);
        return SmileModels.Frame.of(gbm, x[0].length, k);
    }
}
