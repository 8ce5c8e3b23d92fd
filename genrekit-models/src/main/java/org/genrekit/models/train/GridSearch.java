package org.genrekit.models.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.algo.Algorithm;
import org.genrekit.models.algo.Algorithms;

/**
 * Exhaustive search over a model's grid (minus the parameters the user fixed) by stratified k-fold
 * cross-validation on the training part only; the best mean accuracy wins (ties: the earlier,
 * i.e. simpler, grid point).
 */
public final class GridSearch {
    public record Result(PipelineSpec best, CvSummary bestScore, List<PipelineSpec> tried, List<CvSummary> scores) {
    }

    private GridSearch() {
    }

    public static Result run(PipelineSpec spec, TrainingData data, int folds, long seed, int threads, PrintStream log) {
        if (spec.model().equals("default")) return run(DefaultModel.spec().with(spec.params()), data, folds, seed, threads, log);
        if (spec.model().equals("ensemble")) {
            throw new IllegalArgumentException("--search is not available for model 'ensemble': search its members one by one and pass their parameters as MEMBER.param=value");
        }
        Algorithm alg = Algorithms.get(spec.model());
        Map<String, List<String>> grid = new LinkedHashMap<>();
        alg.grid().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!spec.params().containsKey(e.getKey())) grid.put(e.getKey(), e.getValue());
        });
        List<PipelineSpec> specs = new ArrayList<>();
        expand(new ArrayList<>(grid.entrySet()), 0, new LinkedHashMap<>(), spec, specs);
        specs.forEach(PipelineTrainer::validate);
        List<CvSummary> scores;
        if (log == null) {
            scores = CrossValidation.runAll(specs, data, folds, seed, threads, null);
        } else {
            log.println("grid search " + spec.model() + " (" + specs.size() + " points x " + folds + " folds)");
            try (ProgressListener.Stage bar = ProgressListener.current().start("grid search " + spec.model(), (long) specs.size() * folds)) {
                scores = CrossValidation.runAll(specs, data, folds, seed, threads, bar::step);
            }
        }
        int best = 0;
        for (int i = 1; i < scores.size(); i++) if (scores.get(i).mean() > scores.get(best).mean() + 1e-12) best = i;
        return new Result(specs.get(best), scores.get(best), specs, scores);
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
