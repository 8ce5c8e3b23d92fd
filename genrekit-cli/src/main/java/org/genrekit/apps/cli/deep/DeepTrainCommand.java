package org.genrekit.apps.cli.deep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.InputCheck;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.deep.input.DeepData;
import org.genrekit.deep.train.DeepCrossValidation;
import org.genrekit.deep.train.TrainConfig;
import org.genrekit.deep.train.TrainJob;
import org.genrekit.deep.train.TrainResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genrekit deep train --data SPEC --arch A --out MODEL.gkm}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network on log-mel spectrograms (or pictures / feature vectors) and write a model bundle.",
                "--data images:DIR trains image-cnn on spectrogram pictures (no audio front end).",
                "--arch mn04-head puts a head on the installed mn04 backbone (genrekit backbone install mn04); --fine-tune N also trains its last N blocks.",
                "Checkpoints, config.json, metrics.json and curves.png go to OUT.run/ beside the bundle."})
public final class DeepTrainCommand implements Callable<Integer> {
    @Mixin
    TrainOptions options;
    @Option(names = "--out", required = true, description = "Bundle to write (e.g. deep.gkm).")
    Path out;
    @Option(names = "--resume", description = "Continue the interrupted run whose checkpoints are in OUT.run/checkpoints.")
    boolean resume;
    @Option(names = {"-q", "--quiet"}, description = "No progress bars: one line per epoch.")
    boolean quiet;
    @Option(names = "--cv", paramLabel = "K", defaultValue = "0", description = {
            "Measure instead of train: K-fold CV over every track of the dataset (all split parts), grouped by artist where artists are known.",
            "Each outer fold's training part is split again (20%% held out, artist-disjoint) to choose the epoch (early stopping, best epoch);",
            "the outer fold, used for no choice, is scored. Prints mean ± standard error; writes OUT.run/cv.json and no bundle."})
    int cv;
    @Option(names = "--artists", paramLabel = "FILE.csv",
            description = "Artist per track id (clip_id|id|track_id,artist, e.g. shared/data/gtzan-splits/artists.csv) for --cv's groups (the spec's artists=FILE).")
    Path artists;

    @Override
    public Integer call() throws Exception {
        if (cv != 0 && cv < 2) throw new IllegalArgumentException("--cv must be >= 2 folds, got " + cv);
        if (cv >= 2 && resume) throw new IllegalArgumentException("--cv runs cannot --resume");
        if (artists != null && cv == 0) throw new IllegalArgumentException("--artists only groups --cv folds; add --cv K");
        if (artists != null) InputCheck.file(artists, "artists file"); // before the data: a missing file fails first
        TrainConfig cfg = options.config();
        DatasetSpec spec = options.spec();
        if (artists != null) {
            if (spec.option("artists") != null) throw new IllegalArgumentException("give the artists once: --artists FILE or the spec's artists=FILE");
            Map<String, String> o = new LinkedHashMap<>(spec.options());
            o.put("artists", artists.toString());
            spec = new DatasetSpec(spec.text(), spec.kind(), spec.location(), o);
        }
        TrainJob job = options.job(TrainOptions.open(spec), cfg, out, resume);
        ProgressRenderer progress = new ProgressRenderer(System.err, !quiet);
        if (cv >= 2) return crossValidate(job, progress);
        DeepData d = job.data();
        System.err.printf(Locale.ROOT, "%s: %d training, %d validation tracks (%s)%n", d.spec().text(), d.split().train().size(),
                d.split().valid().size(), d.spec());
        TrainResult r = job.run(progress);
        System.err.printf(Locale.ROOT, "best epoch %d: validation accuracy %.4f, loss %.4f; %.1f s training; bundle %s (%d bytes)%n",
                r.bestEpoch(), r.bestValidAccuracy(), r.bestValidLoss(), r.seconds(), out, Files.size(out));
        r.model().close();
        return Main.EXIT_OK;
    }

    private int crossValidate(TrainJob job, ProgressRenderer progress) throws Exception {
        DeepCrossValidation.Result r = job.crossValidate(cv, progress);
        System.err.printf(Locale.ROOT, "%s-grouped %d-fold CV accuracy (%d groups; epoch chosen on inner splits): %s%n",
                r.grouping(), cv, r.groups(), r.accuracy());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cv_mean", r.accuracy().mean());
        summary.put("cv_se", r.accuracy().se());
        summary.put("cv_std", r.accuracy().std());
        summary.put("cv_folds", cv);
        summary.put("cv_grouping", r.grouping());
        summary.put("report", TrainJob.runDir(out).resolve("cv.json").toString());
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(summary));
        return Main.EXIT_OK;
    }
}
