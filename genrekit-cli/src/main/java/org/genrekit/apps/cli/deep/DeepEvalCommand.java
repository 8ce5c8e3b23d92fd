package org.genrekit.apps.cli.deep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrekit.apps.cli.InputCheck;
import org.genrekit.apps.cli.Main;
import org.genrekit.data.Track;
import org.genrekit.data.spec.DatasetSpec;
import org.genrekit.deep.DeepClassifier;
import org.genrekit.deep.bundle.DeepBundle;
import org.genrekit.deep.input.DeepData;
import org.genrekit.deep.input.InputLoader;
import org.genrekit.deep.input.SpectrogramCache;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.deep.train.Scores;
import org.genrekit.evaluation.ConfusionText;
import org.genrekit.evaluation.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genrekit deep eval}: a deep bundle on one part of a dataset's split, through the spectrogram cache. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Track-level figures of a deep bundle on a part of a dataset, from cached spectrograms.",
                "The evaluation report (accuracy, balanced accuracy, macro-F1, per class, confusion) goes to stdout as JSON, the confusion table to stderr."})
public final class DeepEvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Deep model bundle (.gkm).") Path model;
    @Option(names = "--data", paramLabel = "SPEC", description = "Dataset spec, split as deep train splits it (see deep train --help).") String data;
    @Option(names = "--manifest", hidden = true, paramLabel = "SPEC") String manifest;
    @Option(names = "--part", defaultValue = "valid", description = "Split part: train, valid, test or all (default: ${DEFAULT-VALUE}).") String part;
    @Option(names = "--overlap", defaultValue = "0", description = "Chunk overlap fraction in [0, 1) (default: ${DEFAULT-VALUE}).") double overlap;
    @Option(names = "--cache", description = "Spectrogram cache (default: ~/.cache/genrekit/deep).") Path cache;
    @Option(names = "--report", paramLabel = "DIR", description = "Also write report.json, report.html, confusion.png, per-class.png.") Path report;

    @Override
    public Integer call() throws Exception {
        if (!(overlap >= 0 && overlap < 1)) throw new IllegalArgumentException("--overlap must be in [0, 1), got " + overlap);
        if (data != null && manifest != null) throw new IllegalArgumentException("give the dataset once: --data SPEC (--manifest is its former name)");
        if (data == null && manifest == null) throw new IllegalArgumentException("a dataset is needed: --data SPEC");
        InputCheck.file(model, "model");
        DeepData d = TrainOptions.open(DatasetSpec.parse(data != null ? data : manifest)); // the data before the network: a missing folder fails fast
        try (DeepClassifier clf = DeepBundle.read(model)) {
            List<Track> chosen = part.equals("all") ? d.tracks() : d.part(part);
            List<Track> known = chosen.stream().filter(t -> clf.labels().contains(t.label())).toList();
            if (known.isEmpty()) throw new IllegalArgumentException("no track of part '" + part + "' has a genre the model knows (" + clf.labels() + ")");
            List<TrackInput> tracks = new InputLoader(new SpectrogramCache(TrainOptions.cacheDir(cache)), new ProgressRenderer(System.err, true), 2)
                    .load(part, known, clf.labels(), clf.model().input());
            if (tracks.isEmpty()) throw new java.io.IOException("no file of part '" + part + "' could be read");
            int w = clf.model().input().width();
            long t0 = System.nanoTime();
            Scores s = Scores.of(clf.model(), tracks, Math.max(1, (int) Math.round(w * (1 - overlap))));
            double msPerTrack = (System.nanoTime() - t0) / 1e6 / tracks.size();
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("model", model.toString());
            ctx.put("data", d.spec().toString());
            ctx.put("part", part);
            ctx.put("log_loss", s.logLoss());
            ctx.put("left_out_unknown_label", chosen.size() - known.size());
            ctx.put("failed", known.size() - tracks.size());
            EvaluationReport rep = new EvaluationReport(model.getFileName() + " on " + d.spec().text() + " (" + part + ")", s.metrics(), null,
                    msPerTrack, ctx);
            System.err.printf(Locale.ROOT, "%s: accuracy %.4f (%d tracks), log loss %.4f%n", rep.title(), s.accuracy(), tracks.size(), s.logLoss());
            System.err.print(ConfusionText.format(s.metrics().labels(), s.metrics().confusion()));
            if (report != null) System.err.println("report: " + rep.write(report));
            System.out.println(rep.toJson(false));
            return Main.EXIT_OK;
        }
    }
}
