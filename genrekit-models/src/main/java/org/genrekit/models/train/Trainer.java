package org.genrekit.models.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.evaluation.CvSummary;
import org.genrekit.evaluation.Metrics;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.core.provenance.Provenance;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.backbone.BackboneCheck;
import org.genrekit.models.classical.ClassicalCodec;
import org.genrekit.models.pipeline.TabularModel;

/**
 * Training as the CLI does it: optional grid search (CV on the training part only), the final
 * fit on the whole training part, validation metrics, an optional refit on all rows, optional CV (nested around the search when
 * there is one: a search's best score is never reported as accuracy), and the bundle.
 */
public final class Trainer {
    private static final System.Logger LOG = System.getLogger(Trainer.class.getName());

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
     * @param refitAll  once the validation figures are read, fit the saved model on training and validation rows together
     */
    public record Request(PipelineSpec spec, boolean search, boolean cv, int folds, long seed, int threads,
                          FeatureRecipe recipe, double segmentSeconds, String data, String cvGrouping, boolean refitAll) {
        /** Track-grouped CV, the model fitted on the training part only. */
        public Request(PipelineSpec spec, boolean search, boolean cv, int folds, long seed, int threads,
                       FeatureRecipe recipe, double segmentSeconds, String data) {
            this(spec, search, cv, folds, seed, threads, recipe, segmentSeconds, data, "track", false);
        }
    }

    /**
     * @param model      the model to save: fitted on the training part, or with {@code refitAll} on training and validation rows
     * @param validation figures on the validation rows of the model fitted on the training part only
     * @param cv         CV accuracy of the final pipeline, or with a search the outer folds of nested CV; null without --cv
     * @param cvChosen   with a search and CV, the parameters chosen inside each outer fold; else null
     * @param trainRows  rows the saved model was fitted on
     * @param refitted   whether the saved model was refitted on all rows after the validation figures
     */
    public record Result(TabularModel model, PipelineSpec finalSpec, Metrics validation, CvSummary cv,
                         GridSearch.Result search, double trainSeconds, int trainRows, String dataHash,
                         List<String> trainIds, List<PipelineSpec> cvChosen, boolean refitted) {
    }

    private Trainer() {
    }

    /**
     * Searches, cross-validates, fits and checks. With {@code refitAll} and validation rows, the
     * model that is returned (and saved) is fitted again on training and validation rows together
     * once the validation figures are read: the hold-out only estimates, it does not cost the model data.
     */
    public static Result train(Request r, TrainingData train, TrainingData valid) {
        PipelineTrainer.validate(r.spec());
        PipelineSpec spec = r.spec();
        GridSearch.Result search = null;
        if (r.search()) {
            search = GridSearch.run(spec, train, r.folds(), r.seed(), r.threads());
            spec = search.best();
            LOG.log(System.Logger.Level.DEBUG, "grid search best: {0}, selection score {1}", spec, search.bestScore());
        }
        CvSummary cv = null;
        List<PipelineSpec> chosen = null;
        if (r.cv() && search != null) {
            NestedCrossValidation.Result nested;
            try (ProgressListener.Stage stage = ProgressListener.current().start("nested CV (" + r.folds() + " outer folds, a grid search in each)", r.folds())) {
                nested = NestedCrossValidation.run(r.spec(), train, r.folds(), r.seed(), r.threads(), stage::step);
            }
            cv = nested.outer();
            chosen = nested.chosen();
        } else if (r.cv()) {
            try (ProgressListener.Stage stage = ProgressListener.current().start("cross-validation (" + r.folds() + " folds)", r.folds())) {
                cv = CrossValidation.run(spec, train, r.folds(), r.seed(), r.threads(), stage::step);
            }
        }
        long t0 = System.nanoTime();
        TabularModel model = PipelineTrainer.fit(spec, train, r.seed(), r.threads());
        double secs = (System.nanoTime() - t0) / 1e9;
        FiniteAnswers.require(model, spec, train);
        boolean hasValid = valid != null && valid.size() > 0;
        Metrics m = hasValid ? Predictions.metrics(model, valid) : null;
        TrainingData fitted = train;
        if (r.refitAll() && hasValid) {
            fitted = train.concat(valid);
            LOG.log(System.Logger.Level.DEBUG, "refitting {0} on all {1} rows (validation figures are of the fit on {2} rows)", spec, fitted.size(), train.size());
            t0 = System.nanoTime();
            model = PipelineTrainer.fit(spec, fitted, r.seed(), r.threads());
            secs = (System.nanoTime() - t0) / 1e9;
            FiniteAnswers.require(model, spec, fitted);
        }
        return new Result(model, spec, m, cv, search, secs, fitted.size(), Datasets.hash(fitted), List.of(fitted.ids()), chosen, fitted != train);
    }

    public static void save(Path out, String name, Request r, Result res, List<String> labels) throws IOException {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("spec", res.finalSpec().model());
        extra.put("params", res.finalSpec().params());
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("train_rows", res.trainRows());
        training.put("train_seconds", res.trainSeconds());
        training.put("refit_on_all_rows", res.refitted());
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
                CvSummary score = res.search().scores().get(i);
                tried.add(Map.of("params", res.search().tried().get(i).params(), "cv_mean", score.mean(), "cv_se", score.se(), "cv_std", score.std()));
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
