package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.GradientTreeBoost;

/** Gradient tree boosting with softmax loss (Smile). */
public final class GradientBoostingAlgo implements Algorithm<GradientBoostingAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("trees", "200", "boosting rounds, an integer >= 1"),
            new ParamDoc("max_depth", "4", "tree depth, an integer >= 1"),
            new ParamDoc("max_nodes", "8", "leaves per tree, an integer >= 2"),
            new ParamDoc("node_size", "5", "rows per leaf, an integer >= 1"),
            new ParamDoc("shrinkage", "0.05", "learning rate, > 0"),
            new ParamDoc("subsample", "0.7", "share of rows each tree sees, in (0, 1]"));

    public record Options(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("gbm", PARAMS, params);
            return new Options(r.integer("trees", 1), r.integer("max_depth", 1), r.integer("max_nodes", 2), r.integer("node_size", 1),
                    r.positive("shrinkage"), r.number("subsample", 0, true, 1, false));
        }
    }

    @Override
    public String name() {
        return "gbm";
    }

    @Override
    public String description() {
        return "gradient tree boosting, multinomial deviance (Smile)";
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
        return Map.of("trees", List.of("100", "300"), "max_nodes", List.of("6", "12"), "shrinkage", List.of("0.05", "0.1"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options options, long seed, int threads) {
        GradientTreeBoost.Options o = new GradientTreeBoost.Options(options.trees(), options.maxDepth(), options.maxNodes(), options.nodeSize(),
                options.shrinkage(), options.subsample(), null, null);
        GradientTreeBoost gbm = GradientTreeBoost.fit(SmileModels.formula(), SmileModels.frame(x, y), o);
        return SmileModels.Frame.of(gbm, x[0].length, k);
    }
}
