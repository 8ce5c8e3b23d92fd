package org.genrekit.models.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.core.provenance.Provenance;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.evaluation.Metrics;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.backbone.BackboneCheck;
import org.genrekit.models.classical.ClassicalCodec;
import org.genrekit.models.pipeline.TabularModel;

/**
 * Training as the CLI does it: optional grid search (CV on the training part only), the final
 * fit on the whole training part, validation metrics, optional CV (nested around the search when
 * there is one: a search's best score is never reported as accuracy), and the bundle.
 */
public final class Trainer {
    /**
     * @param spec      what to train
     * @param search    grid-search the model's parameters first
     * @param cv        also cross-validate the final spec on the training part
     * @param folds     folds for search / CV
     * @param seed      seed for folds and models
     * @param threads   worker threads
     * @param recipe    feature recipe of the columns (stored in the bundle)
     * @param segmentSeconds clip length the rows describe (classification windows on audio)
     * @param data      the data spec, for provenance
     * @param cvGrouping what the CV groups are ({@code artist}, {@code album}, {@code track}), for the bundle
     */
    public record Request(PipelineSpec spec, boolean search, boolean cv, int folds, long seed, int threads,
                          FeatureRecipe recipe, double segmentSeconds, String data, String cvGrouping) {
        /** Track-grouped CV. */
        public Request(PipelineSpec spec, boolean search, boolean cv, int folds, long seed, int threads,
                       FeatureRecipe recipe, double segmentSeconds, String data) {
            this(spec, search, cv, folds, seed, threads, recipe, segmentSeconds, data, "track");
        }
    }

    /**
     * @param cv       CV accuracy of the final pipeline, or with a search the outer folds of nested CV; null without --cv
     * @param cvChosen with a search and CV, the parameters chosen inside each outer fold; else null
     */
    public record Result(TabularModel model, PipelineSpec finalSpec, Metrics validation, CvSummary cv,
                         GridSearch.Result search, double trainSeconds, int trainRows, String dataHash,
                         List<String> trainIds, List<PipelineSpec> cvChosen) {
    }

    private Trainer() {
    }

    public static Result train(Request r, TrainingData train, TrainingData valid, PrintStream log) {
        PipelineTrainer.validate(r.spec());
        PipelineSpec spec = r.spec();
        GridSearch.Result search = null;
        if (r.search()) {
            search = GridSearch.run(spec, train, r.folds(), r.seed(), r.threads(), log);
            spec = search.best();
            if (log != null) {
                log.println("best: " + spec + "  selection score " + search.bestScore()
                        + " (read on the folds that chose it, so optimistic; --cv gives nested CV)");
            }
        }
        CvSummary cv = null;
        List<PipelineSpec> chosen = null;
        if (r.cv() && search != null) {
            NestedCrossValidation.Result nested;
            if (log == null) {
                nested = NestedCrossValidation.run(r.spec(), train, r.folds(), r.seed(), r.threads(), null);
            } else {
                try (ProgressListener.Stage bar = ProgressListener.current().start("nested CV (" + r.folds() + " outer folds, a grid search in each)", r.folds())) {
                    nested = NestedCrossValidation.run(r.spec(), train, r.folds(), r.seed(), r.threads(), bar::step);
                }
            }
            cv = nested.outer();
            chosen = nested.chosen();
        } else if (r.cv()) {
            if (log == null) {
                cv = CrossValidation.run(spec, train, r.folds(), r.seed(), r.threads(), null);
            } else {
                try (ProgressListener.Stage bar = ProgressListener.current().start("cross-validation (" + r.folds() + " folds)", r.folds())) {
                    cv = CrossValidation.run(spec, train, r.folds(), r.seed(), r.threads(), bar::step);
                }
            }
        }
        long t0 = System.nanoTime();
        TabularModel model = PipelineTrainer.fit(spec, train, r.seed(), r.threads());
        double secs = (System.nanoTime() - t0) / 1e9;
        FiniteAnswers.require(model, spec, train);
        Metrics m = valid == null || valid.size() == 0 ? null : Predictions.metrics(model, valid);
        return new Result(model, spec, m, cv, search, secs, train.size(), Datasets.hash(train), List.of(train.ids()), chosen);
    }

    public static void save(Path out, String name, Request r, Result res, List<String> labels) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("spec", res.finalSpec().model());
        extra.put("params", res.finalSpec().params());
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("train_rows", res.trainRows());
        training.put("train_seconds", res.trainSeconds());
        if (res.validation() != null) training.put("validation", res.validation().toMap());
        if (res.cv() != null) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("mean", res.cv().mean());
            cv.put("se", res.cv().se());
            cv.put("std", res.cv().std());
            cv.put("folds", res.cv().folds().length);
            cv.put("grouping", r.cvGrouping());
            cv.put("nested", res.cvChosen() != null);
            if (res.cvChosen() != null) cv.put("chosen_params", res.cvChosen().stream().map(PipelineSpec::params).toList());
            training.put("cv_accuracy", cv);
        }
        if (res.search() != null) {
            List<Map<String, Object>> tried = new ArrayList<>();
            for (int i = 0; i < res.search().tried().size(); i++) {
                tried.add(Map.of("params", res.search().tried().get(i).params(), "cv_mean", res.search().scores().get(i).mean(),
                        "cv_std", res.search().scores().get(i).std()));
            }
            training.put("grid_search", tried);
        }
        extra.put("training", training);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data", r.data());
        prov.put("data_hash", res.dataHash());
        prov.put("seed", r.seed());
        extra.put("provenance", Provenance.now(prov).toMap());
        BackboneCheck.manifestField(r.recipe()).ifPresent(b -> extra.put("backbone", b));
        ClassicalCodec.write(out, name, labels, r.recipe(), r.segmentSeconds(), res.model(), extra, res.trainIds());
    }
}
