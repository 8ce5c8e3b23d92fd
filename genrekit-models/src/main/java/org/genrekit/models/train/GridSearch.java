package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.algo.Algorithms;

/**
 * Exhaustive search over a model's grid (minus the parameters the user fixed) by stratified k-fold
 * cross-validation on the training part only; the best mean accuracy wins (ties: the earlier,
 * i.e. simpler, grid point).
 */
public final class GridSearch {
    private static final System.Logger LOG = System.getLogger(GridSearch.class.getName());

    /**
     * @param axes   the searched parameters in grid order (each tried spec sets all of them)
     * @param tried  every grid point, in the order searched
     * @param scores the CV accuracy of each grid point
     */
    public record Result(PipelineSpec best, CvSummary bestScore, List<String> axes, List<PipelineSpec> tried, List<CvSummary> scores) {
    }

    private GridSearch() {
    }

    /** The grid points {@link #run} would try for {@code spec}, validated (without data). */
    public static List<PipelineSpec> points(PipelineSpec spec) {
        if (spec.model().equals("default")) return points(DefaultPipeline.spec().with(spec.params()));
        if (spec.model().equals("ensemble")) {
            throw new IllegalArgumentException("--search is not available for model 'ensemble': search its members one by one and pass their parameters as MEMBER.param=value");
        }
        List<PipelineSpec> specs = new ArrayList<>();
        expand(new ArrayList<>(axes(spec).entrySet()), 0, new LinkedHashMap<>(), spec, specs);
        specs.forEach(PipelineTrainer::validate);
        return specs;
    }

    /** The searched parameters and their values: the algorithm's grid less what {@code spec} fixes, by name. */
    private static Map<String, List<String>> axes(PipelineSpec spec) {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        Algorithms.get(spec.model()).grid().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!spec.params().containsKey(e.getKey())) grid.put(e.getKey(), e.getValue());
        });
        return grid;
    }

    /** Reports one step per fold fit to the caller's {@link ProgressListener}. */
    public static Result run(PipelineSpec spec, TrainingData data, int folds, long seed, int threads) {
        List<PipelineSpec> specs = points(spec);
        PipelineSpec base = spec.model().equals("default") ? DefaultPipeline.spec().with(spec.params()) : spec;
        LOG.log(System.Logger.Level.DEBUG, "grid search {0}: {1} points x {2} folds", base.model(), specs.size(), folds);
        List<CvSummary> scores;
        try (ProgressListener.Stage stage = ProgressListener.current().start("grid search " + base.model(), (long) specs.size() * folds)) {
            scores = CrossValidation.runAll(specs, data, folds, seed, threads, stage::step);
        }
        int best = 0;
        for (int i = 1; i < scores.size(); i++) if (scores.get(i).mean() > scores.get(best).mean() + 1e-12) best = i;
        return new Result(specs.get(best), scores.get(best), List.copyOf(axes(base).keySet()), specs, scores);
    }

    private static void expand(List<Map.Entry<String, List<String>>> axes, int i, Map<String, String> cur, PipelineSpec base, List<PipelineSpec> out) {
        if (i == axes.size()) {
            out.add(base.with(cur));
            return;
        }
        for (String v : axes.get(i).getValue()) {
            cur.put(axes.get(i).getKey(), v);
            expand(axes, i + 1, cur, base, out);
        }
        cur.remove(axes.get(i).getKey());
    }
}
