package org.genrekit.models.train;

import org.genrekit.evaluation.Metrics;
import org.genrekit.evaluation.TrackAggregation;
import org.genrekit.models.pipeline.TabularModel;

/** Applies a fitted tabular model to labelled rows, aggregating segments to tracks by mean probability. */
public final class Predictions {
    private Predictions() {
    }

    public static double[][] proba(TabularModel m, TrainingData data) {
        double[][] x = data.columns(m.columns());
        double[][] p = new double[x.length][];
        float[] row = new float[m.columns().size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < row.length; j++) row[j] = (float) x[i][j];
            p[i] = m.proba(row);
        }
        return p;
    }

    /** Track-level metrics (rows of one track id averaged). */
    public static Metrics metrics(TabularModel m, TrainingData data) {
        TrackAggregation.Tracks t = TrackAggregation.meanProbability(data.ids(), data.y(), proba(m, data));
        return Metrics.fromProbabilities(data.labels(), t.truth(), t.probabilities());
    }
}
