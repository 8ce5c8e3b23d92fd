package org.genrekit.models.algo;

import java.util.List;
import java.util.Map;
import org.genrekit.models.pipeline.VectorModel;
import smile.classification.RandomForest;

/** Random forest (Smile); mtry 0 means sqrt(d). */
public final class RandomForestAlgo implements Algorithm<RandomForestAlgo.Options> {
    static final List<ParamDoc> PARAMS = List.of(
            new ParamDoc("trees", "300", "number of trees, an integer >= 1"),
            new ParamDoc("mtry", "0", "columns tried per split, an integer >= 0 (0: sqrt(columns))"),
            new ParamDoc("max_depth", "20", "tree depth, an integer >= 1"),
            new ParamDoc("max_nodes", "0", "leaves per tree, an integer >= 0 (0: no limit but the rows)"),
            new ParamDoc("node_size", "1", "rows per leaf, an integer >= 1"));

    /** @param mtry 0: sqrt(columns); @param maxNodes 0: the training rows */
    public record Options(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize) {
        public static Options of(Map<String, String> params) {
            ParamReader r = ParamReader.of("rf", PARAMS, params);
            return new Options(r.integer("trees", 1), r.integer("mtry", 0), r.integer("max_depth", 1), r.integer("max_nodes", 0), r.integer("node_size", 1));
        }
    }

    @Override
    public String name() {
        return "rf";
    }

    @Override
    public String description() {
        return "random forest, Gini, probability = mean of tree posteriors (Smile)";
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
        return Map.of("trees", List.of("300"), "mtry", List.of("0", "4", "12"), "node_size", List.of("1", "3"));
    }

    @Override
    public VectorModel fit(double[][] x, int[] y, int k, Options options, long seed, int threads) {
        int d = x[0].length;
        int mtry = options.mtry() == 0 ? Math.max(1, (int) Math.floor(Math.sqrt(d))) : options.mtry();
        int maxNodes = options.maxNodes() == 0 ? Math.max(2, x.length) : options.maxNodes();
        RandomForest.Options o = new RandomForest.Options(options.trees(), Math.min(mtry, d), options.maxDepth(), maxNodes, options.nodeSize());
        RandomForest rf = RandomForest.fit(SmileModels.formula(), SmileModels.frame(x, y), o);
        return SmileModels.Frame.of(rf, d, k);
    }
}
