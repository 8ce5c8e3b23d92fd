package org.genrekit.deep.train;

import java.util.List;
import org.genrekit.deep.DeepModel;
import org.genrekit.deep.input.TrackInput;
import org.genrekit.evaluation.Metrics;

/**
 * A model's track-level figures on labelled tracks: genrekit-evaluation's {@link Metrics}
 * (accuracy, balanced accuracy, macro-F1, confusion) of the track probabilities (mean of the chunk
 * probabilities), and the mean log loss that validation ranks epochs by on ties.
 */
public record Scores(Metrics metrics, double logLoss) {
    /** Probabilities are clipped here before the log, so one confident mistake cannot give an infinite loss. */
    static final double MIN_PROBABILITY = 1e-7;

    public double accuracy() {
        return metrics.accuracy();
    }

    /** @param hop chunk hop in columns (the model's chunk width for non-overlapping chunks) */
    public static Scores of(DeepModel model, List<TrackInput> tracks, int hop) {
        if (tracks.isEmpty()) throw new IllegalArgumentException("no tracks to score");
        int[] truth = new int[tracks.size()];
        double[][] p = new double[tracks.size()][];
        double loss = 0;
        for (int i = 0; i < tracks.size(); i++) {
            TrackInput t = tracks.get(i);
            if (t.label() < 0) throw new IllegalArgumentException("track " + t.id() + " has no label");
            truth[i] = t.label();
            p[i] = DeepModel.mean(model.chunkProbabilities(t, hop));
            loss -= Math.log(Math.max(MIN_PROBABILITY, p[i][t.label()]));
        }
        return new Scores(Metrics.fromProbabilities(model.labels(), truth, p), loss / tracks.size());
    }

    /** With non-overlapping chunks, as validation reads tracks. */
    public static Scores of(DeepModel model, List<TrackInput> tracks) {
        return of(model, tracks, model.input().width());
    }
}
