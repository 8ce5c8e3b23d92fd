package org.genrekit.models.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrekit.audio.AudioLoader;
import org.genrekit.audio.Failures;
import org.genrekit.audio.Signal;
import org.genrekit.core.progress.ProgressListener;
import org.genrekit.data.Track;
import org.genrekit.data.VectorDataset;
import org.genrekit.evaluation.EvaluationReport;
import org.genrekit.evaluation.Metrics;
import org.genrekit.evaluation.TrackAggregation;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;

/**
 * Evaluates a classifier on labelled data: a feature table's vectors (classical models; rows of a
 * track averaged) or audio tracks decoded and classified one by one (any model). Rows or tracks
 * whose label the model does not know are left out and counted.
 */
public final class DatasetEvaluator {
    /** The report plus what was left out (file: reason). */
    public record Outcome(EvaluationReport report, List<String> failures, int unknownLabels) {
    }

    private DatasetEvaluator() {
    }

    public static Outcome onTable(GenreClassifier clf, VectorDataset ds, String title, Map<String, Object> context) {
        TableScorer scorer = TableScorer.of(clf, ds.columns());
        List<String> groups = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        int unknown = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < ds.size(); i++) {
            String label = ds.labels().get(i);
            int y = label == null ? -1 : clf.labels().indexOf(label);
            if (y < 0) {
                unknown++;
                continue;
            }
            double[] p = scorer.proba(ds.row(i));
            for (double v : p) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("model " + clf.name() + " answered non-finite probabilities for row " + ds.ids().get(i)
                            + " " + java.util.Arrays.toString(p) + "; its features are out of the range the model knows");
                }
            }
            probs.add(p);
            groups.add(ds.ids().get(i));
            truth.add(y);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        TrackAggregation.Tracks t = TrackAggregation.meanProbability(groups.toArray(String[]::new),
                truth.stream().mapToInt(Integer::intValue).toArray(), probs.toArray(double[][]::new));
        if (t.ids().isEmpty()) throw new IllegalArgumentException("no rows with a label the model knows (" + clf.labels() + ")");
        Metrics m = Metrics.fromProbabilities(clf.labels(), t.truth(), t.probabilities());
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.put("left_out_unknown_label", unknown);
        return new Outcome(new EvaluationReport(title, m, null, ms / t.ids().size(), ctx), List.of(), unknown);
    }

    public static Outcome onTracks(GenreClassifier clf, List<Track> tracks, String title, Map<String, Object> context, PrintStream err) {
        List<Integer> truth = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int unknown = 0;
        double totalMs = 0;
        try (ProgressListener.Stage bar = ProgressListener.current().start("evaluate " + clf.name(), tracks.size())) {
            for (Track tr : tracks) {
                int y = tr.label() == null ? -1 : clf.labels().indexOf(tr.label());
                if (y < 0 || !tr.hasAudio()) {
                    if (y < 0) unknown++;
                    else failures.add(tr.id() + ": no audio file");
                    bar.step();
                    continue;
                }
                try {
                    long t0 = System.nanoTime();
                    Signal s = AudioLoader.load(tr.audio(), clf.loadOptions());
                    Prediction p = Classifications.classify(clf, tr.audio(), s, false);
                    totalMs += (System.nanoTime() - t0) / 1e6;
                    probs.add(p.probabilities());
                    truth.add(y);
                } catch (Exception | Error e) {
                    // one file's OutOfMemoryError is that file's failure, like any unreadable file
                    String msg = Failures.describe(tr.audio(), e);
                    failures.add(msg);
                    if (err != null) err.println("genrekit evaluate: skipped " + msg);
                }
                bar.step();
            }
        }
        if (probs.isEmpty()) throw new IllegalArgumentException("no track could be classified (" + failures.size() + " failed, " + unknown + " with labels the model does not know)");
        Metrics m = Metrics.fromProbabilities(clf.labels(), truth.stream().mapToInt(Integer::intValue).toArray(), probs.toArray(double[][]::new));
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.put("left_out_unknown_label", unknown);
        ctx.put("failed", failures.size());
        return new Outcome(new EvaluationReport(title, m, null, totalMs / probs.size(), ctx), failures, unknown);
    }

}
