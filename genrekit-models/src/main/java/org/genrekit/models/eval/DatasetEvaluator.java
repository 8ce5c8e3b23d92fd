package org.genrekit.models.eval;

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
import org.genrekit.evaluation.TrackPrediction;
import org.genrekit.models.Classifications;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.Prediction;

/**
 * Evaluates a classifier on labelled data: a feature table's vectors (classical models; rows of a
 * track averaged) or audio tracks decoded and classified one by one (any model). Rows or tracks
 * whose label the model does not know are left out and counted.
 */
public final class DatasetEvaluator {
    private static final System.Logger LOG = System.getLogger(DatasetEvaluator.class.getName());

    /**
     * The report, each track's answer, and what was left out.
     *
     * @param failures      files that could not be classified ("file: reason")
     * @param unknownLabels rows or tracks whose label the model does not know
     */
    public record Outcome(EvaluationReport report, List<TrackPrediction> predictions, List<String> failures, int unknownLabels) {
        public Outcome {
            predictions = List.copyOf(predictions);
            failures = List.copyOf(failures);
        }
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
        List<TrackPrediction> predictions = new ArrayList<>();
        for (int i = 0; i < t.ids().size(); i++) predictions.add(new TrackPrediction(t.ids().get(i), null, t.truth()[i], t.probabilities()[i]));
        return new Outcome(new EvaluationReport(title, m, null, ms / t.ids().size(), ctx), predictions, List.of(), unknown);
    }

    /**
     * Decodes and classifies each track, one step of the caller's {@link ProgressListener} each; a
     * file that cannot be classified is logged (WARNING), counted as failed and left out.
     */
    public static Outcome onTracks(GenreClassifier clf, List<Track> tracks, String title, Map<String, Object> context) {
        List<TrackPrediction> predictions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int unknown = 0;
        double totalMs = 0;
        try (ProgressListener.Stage stage = ProgressListener.current().start("evaluate " + clf.name(), tracks.size())) {
            for (Track tr : tracks) {
                int y = tr.label() == null ? -1 : clf.labels().indexOf(tr.label());
                if (y < 0) {
                    unknown++;
                    stage.step();
                    continue;
                }
                if (!tr.hasAudio()) {
                    String msg = tr.id() + ": no audio file";
                    failures.add(msg);
                    LOG.log(System.Logger.Level.WARNING, "skipped {0}", msg);
                    stage.fail();
                    continue;
                }
                try {
                    long t0 = System.nanoTime();
                    Signal s = AudioLoader.load(tr.audio(), clf.loadOptions());
                    Prediction p = Classifications.classify(clf, tr.audio(), s, false);
                    totalMs += (System.nanoTime() - t0) / 1e6;
                    predictions.add(new TrackPrediction(tr.id(), tr.audio().toString(), y, p.probabilities()));
                    stage.step();
                } catch (Exception | Error e) {
                    // one file's OutOfMemoryError is that file's failure, like any unreadable file
                    String msg = Failures.describe(tr.audio(), e);
                    failures.add(msg);
                    LOG.log(System.Logger.Level.WARNING, "skipped {0}", msg);
                    LOG.log(System.Logger.Level.DEBUG, "skipped " + tr.audio(), e);
                    stage.fail();
                }
            }
        }
        if (predictions.isEmpty()) throw new IllegalArgumentException("no track could be classified (" + failures.size() + " failed, " + unknown + " with labels the model does not know)");
        Metrics m = Metrics.fromProbabilities(clf.labels(), predictions.stream().mapToInt(TrackPrediction::truth).toArray(),
                predictions.stream().map(TrackPrediction::probabilities).toArray(double[][]::new));
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.put("left_out_unknown_label", unknown);
        ctx.put("failed", failures.size());
        return new Outcome(new EvaluationReport(title, m, null, totalMs / predictions.size(), ctx), predictions, failures, unknown);
    }

}
