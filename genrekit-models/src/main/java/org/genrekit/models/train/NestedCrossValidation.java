package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.List;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.pipeline.TabularModel;

/**
 * Nested cross-validation of a grid search: for each outer fold, {@link GridSearch} chooses the
 * parameters by k-fold CV on the other folds only, the chosen pipeline is fitted on them and scored
 * on the outer fold, which took no part in the choice. The outer folds' mean is an honest estimate
 * of "search, then train"; the search's own best score, read on the folds that chose it, is not.
 * Inner and outer folds are grouped like the data (artist, else track).
 */
public final class NestedCrossValidation {
    /**
     * @param outer  accuracy on each outer fold
     * @param chosen the parameters the inner search chose for each outer fold
     */
    public record Result(CvSummary outer, List<PipelineSpec> chosen) {
    }

    private NestedCrossValidation() {
    }

    /** {@code folds} outer and {@code folds} inner folds; {@code step} (nullable) runs after each outer fold. */
    public static Result run(PipelineSpec spec, TrainingData data, int folds, long seed, int threads, Runnable step) {
        int[] assignment = StratifiedFolds.assign(data.y(), data.ids(), data.groups(), folds, seed);
        double[] acc = new double[folds];
        List<PipelineSpec> chosen = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            TrainingData train = data.subset(StratifiedFolds.rows(assignment, f, false));
            TrainingData test = data.subset(StratifiedFolds.rows(assignment, f, true));
            // the inner searches stay silent: the caller shows the outer folds
            PipelineSpec best = ProgressListener.runWith(ProgressListener.NONE, () -> GridSearch.run(spec, train, folds, seed, threads)).best();
            TabularModel m = PipelineTrainer.fit(best, train, seed, threads);
            acc[f] = Predictions.metrics(m, test).accuracy();
            chosen.add(best);
            if (step != null) step.run();
        }
        return new Result(CvSummary.of(acc), List.copyOf(chosen));
    }
}
