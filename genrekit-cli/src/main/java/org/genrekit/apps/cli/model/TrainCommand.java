package org.genrekit.apps.cli.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.core.provenance.Provenance;
import org.genrekit.data.SplitLists;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.data.split.Segmenter;
import org.genrekit.data.split.Split;
import org.genrekit.data.table.FeatureTables;
import org.genrekit.data.table.MissingValues;
import org.genrekit.evaluation.ConfusionText;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.ensemble.EnsembleCodec;
import org.genrekit.models.ensemble.EnsembleWeights;
import org.genrekit.models.eval.DatasetEvaluator;
import org.genrekit.models.train.Datasets;
import org.genrekit.models.train.LabelChecks;
import org.genrekit.models.train.GridSearch;
import org.genrekit.models.train.PipelineSpec;
import org.genrekit.models.train.PipelineTrainer;
import org.genrekit.models.train.SearchResultsCsv;
import org.genrekit.models.train.StratifiedFolds;
import org.genrekit.models.train.Trainer;
import org.genrekit.models.train.TrainingData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit train}: fits a pipeline on feature vectors and writes a model bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a genre model on feature vectors (a feature table, or audio through the feature store) and write a model bundle.",
                "The algorithm and its parameters are checked before any data is read; the algorithms and their parameters are listed below."})
public final class TrainCommand implements Callable<Integer>, Subcommand {
    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "dataset spec (feature CSV, gtzan:DIR, folder, manifest ...)")
    String data;

    @Option(names = {"--algo", "--model"}, required = true, paramLabel = "NAME",
            description = "algorithm (listed below), ensemble, default or bundles; --model is an alias kept for old scripts")
    String algo;

    @Option(names = "--param", paramLabel = "K=V", description = "model parameter (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--search", description = "grid-search the model's parameters by stratified k-fold CV on the training part (artist-grouped when artists are known)")
    boolean search;

    @Option(names = "--cv", description = "also report k-fold CV accuracy (mean ± standard error) on the training part: artist-grouped when the data spec knows artists"
            + " (artists=FILE.csv), else track-grouped; with --search, nested CV (a search inside each outer fold)")
    boolean cv;

    @Option(names = "--search-results", paramLabel = "OUT.csv", description = "with --search: write every grid point's parameters and CV accuracy (mean, standard error, std) as CSV")
    Path searchResults;

    @Option(names = "--folds", defaultValue = "5", description = "folds for --search / --cv (default ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "bundle file to write (.gkm)")
    Path out;

    @Option(names = "--train-list", paramLabel = "A.txt", description = "ids of the training tracks")
    Path trainList;

    @Option(names = "--valid-list", paramLabel = "B.txt", description = "ids of the validation tracks")
    Path validList;

    @Option(names = "--holdout", defaultValue = "0.2", description = "without lists: stratified fraction held out for validation (artist-grouped when artists are known);"
            + " once its figures are read the model is refit on all rows; 0 trains on everything with no validation figures (default ${DEFAULT-VALUE})")
    double holdout;

    @Option(names = "--recipe", defaultValue = "gtzan58", description = "feature recipe of the vectors (audio specs are extracted with it; default ${DEFAULT-VALUE})")
    String recipe;

    @Option(names = "--segment-seconds", description = "clip length one row describes; classify cuts audio into windows of it (default: T of the spec's segments=NxT, else 30, GTZAN's clip length)")
    Double segmentSeconds;

    @Option(names = "--store", paramLabel = "DIR", description = "feature store for audio specs (default ~/.cache/genrekit/store)")
    Path store;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--missing", defaultValue = "refuse", paramLabel = "refuse|median",
            description = "feature values that are NaN, infinite, empty or overflow a float: refuse (default; the error names file, line and column) or median (impute each column's median; the count goes to stderr)")
    String missing;

    CommandLine.Model.CommandSpec spec;

    /** Picocli hands the command its model here; the algorithm list is added to --help from the registry. */
    @CommandLine.Spec
    void spec(CommandLine.Model.CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footer(AlgorithmsHelp.lines().toArray(String[]::new));
    }

    @Override
    public Integer call() throws Exception {
        // Everything the arguments alone decide is checked before any audio is decoded or table read.
        checkAlgorithm();
        if (folds < 2) throw usage("--folds must be >= 2, got " + folds);
        if (!(holdout >= 0 && holdout < 1)) throw usage("--holdout must be in [0, 1), got " + holdout);
        if ((trainList == null) != (validList == null)) throw usage("--train-list and --valid-list go together");
        if (searchResults != null && !search) throw usage("--search-results needs --search");
        MissingValues missingPolicy = missingValues(missing);
        FeatureRecipe fr;
        DatasetSpec dataSpec;
        try {
            fr = FeatureRecipe.parse(recipe);
            dataSpec = DatasetSpec.parse(data);
            if (segmentSeconds == null) segmentSeconds = specSegmentSeconds(dataSpec);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (!(segmentSeconds > 0)) throw usage("--segment-seconds must be > 0, got " + segmentSeconds);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        var err = System.err;
        Path storeDir = store != null ? store : Path.of(System.getProperty("user.home"), ".cache", "genrekit", "store");
        DatasetSpecs.Loaded loaded = DatasetSpecs.load(dataSpec, fr, storeDir, missingPolicy);
        VectorDataset ds = loaded.data();
        if (loaded.imputed() > 0) err.printf("--missing median: imputed %d values with their column's median%n", loaded.imputed());
        if ("none".equals(dataSpec.option("group"))) ds = ds.withGroups(null); // group=none: track-grouped CV even with artists
        String grouping = grouping(dataSpec, ds);
        checkLabels(dataSpec, ds, err);
        VectorDataset trainDs, validDs;
        boolean refitAll = false;
        if (trainList != null) {
            List<String> trainIds = SplitLists.read(trainList);
            List<String> validIds = SplitLists.read(validList);
            warnOverlap(trainIds, validIds, err);
            trainDs = ds.subsetByIds(trainIds);
            validDs = ds.subsetByIds(validIds);
            err.printf("train: %d rows from %s, validation: %d rows from %s%n", trainDs.size(), trainList, validDs.size(), validList);
        } else if (data.contains("split=")) {
            Split s = DatasetSpecs.split(data, ds);
            trainDs = ds.subsetByIds(s.train());
            validDs = ds.subsetByIds(s.valid().isEmpty() ? s.test() : s.valid());
            err.printf("train: %d rows, validation: %d rows (split from the data spec)%n", trainDs.size(), validDs.size());
        } else if (holdout == 0) {
            trainDs = ds;
            validDs = ds.subset(new int[0]);
            err.println("--holdout 0: training on all " + ds.size() + " rows, no validation figures");
        } else {
            TrainingData all = Datasets.training(ds, null);
            int[][] ho = StratifiedFolds.holdOut(all.y(), all.ids(), all.groups(), holdout, seed);
            List<String> validIds = Arrays.stream(ho[0]).mapToObj(i -> all.ids()[i]).distinct().toList();
            List<String> trainIds = Arrays.stream(ho[1]).mapToObj(i -> all.ids()[i]).distinct().toList();
            trainDs = ds.subsetByIds(trainIds);
            validDs = ds.subsetByIds(validIds);
            refitAll = !algo.equals("bundles"); // a bundle ensemble is made of fitted files: nothing to refit
            err.printf("no --train-list/--valid-list: holding out a stratified %.0f%% for validation, %s (seed %d): %d train rows, %d validation rows%s%n",
                    holdout * 100, grouping.equals("track") ? "track-grouped (no artists known)" : grouping + "-grouped (no " + grouping + " on both sides)",
                    seed, trainDs.size(), validDs.size(), refitAll ? "; the saved model is then refit on all rows" : "");
        }
        if (algo.equals("bundles")) return partial(bundles(validDs), loaded);
        LabelChecks.requireTwoClasses(trainDs);
        TrainingData train = Datasets.training(trainDs, null);
        TrainingData valid = validDs.size() == 0 ? null : Datasets.training(validDs, train.labels());
        if (cv || search) err.println(cvKind(grouping, trainDs));
        if (search) err.println("grid search " + algo + " (" + gridPoints + " points x " + folds + " folds)");
        Trainer.Request req = new Trainer.Request(PipelineSpec.of(algo, params), search, cv, folds, seed, nThreads, fr, segmentSeconds, data, grouping, refitAll);
        Trainer.Result res = Trainer.train(req, train, valid);
        if (res.search() != null) {
            err.println("best: " + res.finalSpec() + "  selection score " + res.search().bestScore()
                    + " (read on the folds that chose it, so optimistic; --cv gives nested CV)");
            if (searchResults != null) {
                SearchResultsCsv.write(searchResults, res.search());
                err.println("search results: " + searchResults + " (" + res.search().tried().size() + " grid points)");
            }
        }
        String name = out.getFileName().toString().replaceFirst("\\.gkm$", "");
        Trainer.save(out, name, req, res, train.labels());
        err.println("pipeline: " + res.model().describe());
        if (res.refitted()) err.printf("saved model: refit on all %d rows (the validation figures are of the fit on the %d training rows)%n", res.trainRows(), train.size());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toString());
        summary.put("spec", res.finalSpec().toString());
        summary.put("train_rows", res.trainRows());
        summary.put("refit_on_all_rows", res.refitted());
        summary.put("train_seconds", res.trainSeconds());
        if (res.validation() != null) {
            err.print(ConfusionText.format(res.validation().labels(), res.validation().confusion()));
            summary.put("valid_n", res.validation().n());
            summary.put("valid_accuracy", res.validation().accuracy());
            summary.put("valid_balanced_accuracy", res.validation().balancedAccuracy());
            summary.put("valid_macro_f1", res.validation().macroF1());
        }
        if (res.cv() != null) {
            err.printf("%s accuracy: %s%s%n", cvName(grouping), res.cv(), res.cvChosen() != null ? ", nested (outer folds only)" : "");
            summary.put("cv_mean", res.cv().mean());
            summary.put("cv_se", res.cv().se());
            summary.put("cv_std", res.cv().std());
            summary.put("cv_folds", res.cv().folds().length);
            summary.put("cv_grouping", grouping);
            summary.put("cv_nested", res.cvChosen() != null);
        }
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return partial(Main.EXIT_OK, loaded);
    }

    /** Rows without a label are counted on stderr; no label at all, or one class only, is refused (exit 1). */
    private void checkLabels(DatasetSpec spec, VectorDataset ds, PrintStream err) throws IOException {
        int unlabelled = LabelChecks.unlabelled(ds);
        if (ds.size() > 0 && unlabelled == ds.size()) {
            if (spec.kind() == DatasetSpec.Kind.TABLE && spec.option("meta") == null) {
                List<String> header = FeatureTables.header(spec.location());
                boolean hasColumn = header.stream().anyMatch(h -> h.equalsIgnoreCase("label") || h.equalsIgnoreCase("genre"));
                throw new IllegalArgumentException(hasColumn ? spec.location() + ": every row's label is empty"
                        : spec.location() + " has no label column (named 'label' or 'genre'); its header is " + header);
            }
            throw new IllegalArgumentException(data + ": no row has a label (genre), so there is nothing to learn");
        }
        if (unlabelled > 0) err.printf("train: %d of %d rows have an empty label and are left out%n", unlabelled, ds.size());
        LabelChecks.requireTwoClasses(ds);
    }

    /** Validation tracks that are also training tracks make the validation figures a measure of fit, not of generalisation. */
    private static void warnOverlap(List<String> trainIds, List<String> validIds, PrintStream err) {
        Set<String> train = new HashSet<>(trainIds);
        long shared = validIds.stream().filter(train::contains).count();
        if (shared == 0) return;
        if (shared == validIds.size() && train.size() == validIds.size()) {
            err.printf("warning: --train-list and --valid-list name the same %d tracks: the validation figures measure the fit"
                    + " to the training data, not generalisation%n", shared);
        } else {
            err.printf("warning: %d of the %d validation tracks are also training tracks: the validation figures are optimistic%n",
                    shared, validIds.size());
        }
    }

    /** Audio files that could not be extracted were left out: the model is written, the exit code says 3. */
    private static int partial(int code, DatasetSpecs.Loaded loaded) {
        if (code != Main.EXIT_OK || loaded.failed() == 0) return code;
        System.err.println("train: " + loaded.failed() + " audio files failed and were left out (exit code 3)");
        return Main.EXIT_PARTIAL;
    }

    /** --missing as a policy; a bad value is a usage error. */
    private MissingValues missingValues(String text) {
        try {
            return MissingValues.parse(text);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * The algorithm name and parameters, checked before any data is read: an unknown name or
     * parameter, or a bad value, is a usage error naming the valid ones.
     */
    private void checkAlgorithm() {
        try {
            if (algo.equals("bundles")) {
                bundleMembers();
                return;
            }
            PipelineSpec ps = PipelineSpec.of(algo, params);
            PipelineTrainer.validate(ps);
            if (search) gridPoints = GridSearch.points(ps).size();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** --algo bundles: the member files (which must exist) and their weights. */
    private BundleMembers bundleMembers() {
        Map<String, String> p = new LinkedHashMap<>(params);
        String members = p.remove("members");
        String weights = p.remove("weights");
        if (members == null) throw usage("--algo bundles needs --param members=A.gkm,B.gkm");
        if (!p.isEmpty()) throw usage("--algo bundles takes only members and weights, not " + p.keySet());
        List<Path> files = new ArrayList<>();
        for (String m : members.split(",")) {
            Path f = Path.of(m.strip());
            if (!Files.isRegularFile(f)) throw usage("member bundle not found: " + f);
            files.add(f);
        }
        return new BundleMembers(files, EnsembleWeights.parse(weights, files.size()));
    }

    /** Points of the --search grid, known once the arguments are checked. */
    private int gridPoints;

    private record BundleMembers(List<Path> files, double[] weights) {
    }

    /** --algo bundles: an ensemble of existing bundle files, checked on the validation part. */
    private int bundles(VectorDataset validDs) throws Exception {
        BundleMembers bm = bundleMembers();
        List<Path> files = bm.files();
        double[] w = bm.weights();
        String name = out.getFileName().toString().replaceFirst("\\.gkm$", "");
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data", data);
        GenreClassifier ens = EnsembleCodec.write(out, name, files, w, Map.of("provenance", Provenance.now(prov).toMap()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toString());
        summary.put("members", files.stream().map(Path::toString).toList());
        boolean audio = DatasetSpec.parse(data).isAudio();
        if (validDs.size() == 0) {
            err("no validation rows: no validation figures");
        } else if (!audio) {
            var outcome = DatasetEvaluator.onTable(ens, validDs, name, Map.of());
            summary.put("valid_n", outcome.report().metrics().n());
            summary.put("valid_accuracy", outcome.report().metrics().accuracy());
        } else {
            var tracks = DatasetSpecs.tracks(data).tracks().stream().filter(t -> validDs.ids().contains(t.id())).toList();
            var outcome = DatasetEvaluator.onTracks(ens, tracks, name, Map.of());
            summary.put("valid_n", outcome.report().metrics().n());
            summary.put("valid_accuracy", outcome.report().metrics().accuracy());
        }
        ens.close();
        System.out.println(new ObjectMapper().writeValueAsString(summary));
        return Main.EXIT_OK;
    }

    /** What the CV groups are: {@code artist} (or {@code album} with group=album) when the data knows some, else {@code track}. */
    static String grouping(DatasetSpec spec, VectorDataset ds) {
        if (!Datasets.grouped(ds)) return "track";
        return "album".equals(spec.option("group")) ? "album" : "artist";
    }

    private String cvName(String grouping) {
        return grouping + "-grouped " + folds + "-fold CV";
    }

    /** The line that says which CV runs, e.g. {@code artist-grouped 5-fold CV: 156 artists + 44 tracks of unknown artist (a group each)}. */
    private String cvKind(String grouping, VectorDataset trainDs) {
        String what = (search ? "grid search " + (cv ? "and nested CV " : "") + "by " : "") + cvName(grouping);
        if (grouping.equals("track")) return what + " (no artists known; add artists=FILE.csv to the data spec to group by artist)";
        Datasets.GroupCounts c = Datasets.groupCounts(trainDs);
        return what + ": " + c.groups() + " " + grouping + "s" + (c.unknownTracks() == 0 ? ""
                : " + " + c.unknownTracks() + " tracks of unknown " + grouping + " (a group each)") + ", no " + grouping + " in two folds";
    }

    /** T of {@code segments=NxT} (rows describe T-second chunks), else 30 s (GTZAN clips, the Kaggle table). */
    static double specSegmentSeconds(DatasetSpec ds) {
        String seg = ds.option("segments");
        return seg == null ? 30 : Segmenter.parseFixed(seg).seconds();
    }

    private static void err(String s) {
        System.err.println(s);
    }
}
