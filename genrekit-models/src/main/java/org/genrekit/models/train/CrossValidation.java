package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.models.pipeline.TabularModel;

/** Stratified, group-aware (artist, else track) k-fold cross-validation of pipeline specs, folds and specs in parallel. */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Accuracy of {@code spec} on each fold; {@code step} (nullable) runs after each fold, e.g. a progress bar. */
    public static CvSummary run(PipelineSpec spec, TrainingData data, int folds, long seed, int threads, Runnable step) {
        return runAll(List.of(spec), data, folds, seed, threads, step).get(0);
    }

    /** One summary per spec, same folds for all (so their scores compare fairly). */
    public static List<CvSummary> runAll(List<PipelineSpec> specs, TrainingData data, int folds, long seed, int threads, Runnable step) {
        int[] assignment = StratifiedFolds.assign(data.y(), data.ids(), data.groups(), folds, seed);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Double>> tasks = new ArrayList<>();
            for (PipelineSpec spec : specs) {
                for (int f = 0; f < folds; f++) {
                    int fold = f;
                    tasks.add(pool.submit(() -> {
                        double acc = foldAccuracy(spec, data, assignment, fold, seed);
                        if (step != null) step.run();
                        return acc;
                    }));
                }
            }
            List<CvSummary> out = new ArrayList<>();
            for (int s = 0; s < specs.size(); s++) {
                double[] acc = new double[folds];
                for (int f = 0; f < folds; f++) acc[f] = tasks.get(s * folds + f).get();
                out.add(CvSummary.of(acc));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cross-validation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static double foldAccuracy(PipelineSpec spec, TrainingData data, int[] assignment, int fold, long seed) {
        TrainingData train = data.subset(StratifiedFolds.rows(assignment, fold, false));
        TrainingData test = data.subset(StratifiedFolds.rows(assignment, fold, true));
        TabularModel m = PipelineTrainer.fit(spec, train, seed, 1);
        return Predictions.metrics(m, test).accuracy();
    }
}
