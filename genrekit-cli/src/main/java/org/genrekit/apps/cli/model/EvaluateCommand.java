package org.genrekit.apps.cli.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.data.SplitLists;
import org.genrekit.data.Track;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.models.GenreClassifier;
import org.genrekit.evaluation.PredictionsCsv;
import org.genrekit.models.bundle.ModelLoader;
import org.genrekit.models.eval.DatasetEvaluator;
import org.genrekit.data.table.MissingValues;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit evaluate}: scores a model on labelled data; one JSON object on stdout. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on labelled data and print one JSON object (accuracy, balanced_accuracy, macro_f1, top2_accuracy, n, confusion, per_class ...).",
                "A feature table is scored on its vectors (classical models); an audio spec is decoded and classified track by track (any model)."})
public final class EvaluateCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--model", paramLabel = "MODEL", description = "model bundle, or default (the built-in model; also when left out)")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "dataset spec")
    String data;

    @Option(names = "--list", paramLabel = "TEST.txt", description = "evaluate only these track ids")
    Path list;

    @Option(names = "--missing", defaultValue = "refuse", paramLabel = "refuse|median",
            description = "feature-table values that are NaN, infinite, empty or overflow a float: refuse (default; the error names file, line and column) or median (impute each column's median; the count goes to stderr)")
    String missing;

    @Option(names = "--report", paramLabel = "DIR", description = "also write report.json, report.html (plots inlined), confusion.png, per-class.png")
    Path report;

    @Option(names = "--predictions", paramLabel = "OUT.csv", description = "also write each track's prediction: id, file, true label, predicted label, one probability per label")
    Path predictions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MissingValues missingPolicy = missingValues();
        DatasetSpec ds = DatasetSpec.parse(data); // the data and the list are checked before the model loads
        Set<String> wanted = wanted(ds);
        try (GenreClassifier clf = ModelOption.load(model)) {
            String title = clf.name() + " on " + (list != null ? list.getFileName().toString() : data);
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("model", ModelLoader.isDefault(model == null ? null : model.toString()) ? "builtin:default" : model.toString());
            ctx.put("model_version", clf.version());
            ctx.put("data", data);
            if (list != null) ctx.put("list", list.toString());
            // The bundle's own training figures (validation and CV mean ± std), for comparison.
            if (clf.metadata().get("training") instanceof Map<?, ?> tr) {
                Map<String, Object> t = new LinkedHashMap<>();
                for (String k : List.of("train_rows", "cv_accuracy")) if (tr.get(k) != null) t.put(k, tr.get(k));
                if (tr.get("validation") instanceof Map<?, ?> v) t.put("validation_accuracy", v.get("accuracy"));
                ctx.put("training", t);
            }
            DatasetEvaluator.Outcome outcome;
            if (ds.isAudio()) {
                List<Track> tracks = DatasetSpecs.tracks(ds).tracks();
                if (wanted != null) tracks = tracks.stream().filter(t -> wanted.contains(t.id())).toList();
                noteSeenInTraining(clf, tracks.stream().map(Track::id).toList(), ctx);
                outcome = DatasetEvaluator.onTracks(clf, tracks, title, ctx);
            } else {
                DatasetSpecs.Loaded loaded = DatasetSpecs.load(ds, clf.recipe(), null, missingPolicy);
                if (loaded.imputed() > 0) System.err.printf("--missing median: imputed %d values with their column's median%n", loaded.imputed());
                VectorDataset v = loaded.data();
                if (wanted != null) v = v.subsetByIds(wanted);
                noteSeenInTraining(clf, v.ids(), ctx);
                outcome = DatasetEvaluator.onTable(clf, v, title, ctx);
            }
            if (outcome.unknownLabels() > 0) System.err.println("note: left out " + outcome.unknownLabels() + " rows/tracks whose label the model does not know");
            if (report != null) System.err.println("report: " + outcome.report().write(report));
            if (predictions != null) {
                PredictionsCsv.write(predictions, clf.labels(), outcome.predictions());
                System.err.println("predictions: " + predictions + " (" + outcome.predictions().size() + " tracks)");
            }
            System.out.println(outcome.report().toJson(false));
            return outcome.failures().isEmpty() ? Main.EXIT_OK : Main.EXIT_PARTIAL;
        }
    }

    /**
     * Scoring tracks the model was fitted on gives training figures, not validation figures: say
     * so on stderr and in the JSON ({@code seen_in_training}) instead of letting it pass silently.
     */
    private static void noteSeenInTraining(GenreClassifier clf, List<String> ids, Map<String, Object> ctx) {
        Set<String> seen = clf.trainingIds();
        if (seen.isEmpty()) return;
        long overlap = ids.stream().distinct().filter(seen::contains).count();
        ctx.put("seen_in_training", overlap);
        if (overlap > 0) {
            System.err.printf("warning: %d of %d evaluated tracks were in the model's training data; these are not validation figures%n",
                    overlap, ids.stream().distinct().count());
        }
    }

    private MissingValues missingValues() {
        try {
            return MissingValues.parse(missing);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Set<String> wanted(DatasetSpec ds) throws Exception {
        if (list != null) return new java.util.LinkedHashSet<>(SplitLists.read(list));
        return null;
    }

}
