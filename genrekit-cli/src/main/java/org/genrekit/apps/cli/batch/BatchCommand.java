package org.genrekit.apps.cli.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.DataOption;
import org.genrekit.apps.cli.Main;
import org.genrekit.apps.cli.RecipeOption;
import org.genrekit.apps.cli.Subcommand;
import org.genrekit.apps.cli.Version;
import org.genrekit.batch.PolicyOptions;
import org.genrekit.batch.BatchOptions;
import org.genrekit.batch.BatchRunner;
import org.genrekit.batch.BatchSummary;
import org.genrekit.batch.ClassifyProcessor;
import org.genrekit.batch.Inputs;
import org.genrekit.batch.ItemSource;
import org.genrekit.batch.TrackProcessor;
import org.genrekit.batch.io.ResultFormat;
import org.genrekit.batch.tags.SafeTagWriter;
import org.genrekit.batch.tags.TaggingProcessor;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import org.genrekit.models.GenreClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code genrekit batch}: classify and/or extract features for a whole library, resumably. */
@Command(name = "batch", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Classify (and/or extract features for) a whole library on all cores, resumably.",
                "Inputs are folders, audio files, manifests (.csv with a path column, .txt, .m3u) or dataset specs "
                + "(gtzan:DIR, fma:DIR?audio=DIR, ...). Results are appended to --out as they come (CSV, JSONL, or a Parquet folder); "
                + "failures go to OUT.failures.csv with reasons. After a crash or Ctrl-C, run the same command "
                + "with --resume: finished files are skipped."})
public final class BatchCommand implements Callable<Integer>, Subcommand {
    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Folders, audio files, manifests or dataset specs; or give a dataset with --data.")
    List<String> inputs;

    @Mixin
    DataOption data;

    @Option(names = "--out", required = true, paramLabel = "RESULTS.{csv|jsonl|parquet}", description = "Results file (Parquet: a folder of parts).")
    Path out;

    @Option(names = "--model", paramLabel = "M", description = "Model bundle file, or 'default' (the built-in model; used when neither --model nor --recipe is given). With --recipe the feature vectors are written too; --recipe alone writes only them.")
    String model;

    @Mixin
    RecipeOption recipe;

    @Option(names = "--resume", description = "Continue an earlier run into the same --out: skip files already in the results or the failures file.")
    boolean resume;

    @Option(names = "--retry-failed", description = "With --resume: try the files in the failures file again.")
    boolean retryFailed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--write-tags", description = "Also tag each file with its predicted genre (dry run unless --apply; see 'genrekit tag').")
    boolean writeTags;

    @Mixin
    TagArgs tagArgs;

    @Mixin
    PolicyOptions policyOptions;

    @Option(names = "--parquet-part-rows", paramLabel = "N", defaultValue = "1000", description = "Parquet: rows per part file (default 1000).")
    int partRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String features = recipe.orNull();
        BatchOptions opts;
        ItemSource source;
        try {
            ResultFormat.of(out);
            opts = BatchOptions.defaults().withResume(resume, retryFailed).withParts(partRows, 60);
            if (threads != null) opts = opts.withThreads(threads);
            source = Inputs.of(data.withInputs(inputs, "INPUT"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GenreClassifier clf = null;
        try {
            clf = model != null || features == null ? Models.load(model) : null;
            FeatureSet fs = features == null ? null : FeatureSets.create(features);
            TrackProcessor proc = new ClassifyProcessor(clf, fs, policyOptions.policy(), policyOptions.top());
            if (writeTags) proc = new TaggingProcessor(proc, new SafeTagWriter(tagArgs.options()), tagArgs.apply);
            BatchRunner runner = new BatchRunner(proc, opts, writeTags);
            System.err.println("batch: " + source.name() + " -> " + out + " (" + proc.describe() + ", " + opts.threads() + " threads)");
            BatchSummary s = runWithCtrlC(runner, source);
            System.err.printf(Locale.ROOT, "batch: %d ok, %d failed, %d skipped in %.1f s (%.0f tracks/min)%s%n",
                    s.ok(), s.failed(), s.skipped(), s.seconds(), s.perMinute(), s.cancelled() ? "; stopped early: rerun with --resume" : "");
            if (s.failed() > 0) System.err.println("batch: failures listed in " + ResultFormat.failuresFile(out));
            if (s.cancelled()) return Main.EXIT_FAILURE;
            return s.failed() > 0 ? Main.EXIT_PARTIAL : Main.EXIT_OK;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            if (clf != null) clf.close();
        }
    }

    /** Ctrl-C stops feeding new files and lets the run close its files cleanly (the results are complete lines either way). */
    private BatchSummary runWithCtrlC(BatchRunner runner, ItemSource source) throws IOException, InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "batch-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runner.run(source, out, new BarProgress("batch"));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
    }
}
