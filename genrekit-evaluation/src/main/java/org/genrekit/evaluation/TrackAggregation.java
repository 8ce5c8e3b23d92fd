package org.genrekit.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns segment-level predictions into track-level ones: a track's probabilities are the mean of
 * its segments' probabilities (soft voting), which is more robust than a majority of hard votes.
 */
public final class TrackAggregation {
    private TrackAggregation() {
    }

    /** Tracks in order of first appearance. */
    public record Tracks(List<String> ids, int[] truth, double[][] probabilities) {
    }

    /**
     * @param groups        track id of each segment
     * @param truth         true class of each segment (must agree within a track)
     * @param probabilities one row per segment
     */
    public static Tracks meanProbability(String[] groups, int[] truth, double[][] probabilities) {
        if (groups.length != truth.length || groups.length != probabilities.length) {
            throw new IllegalArgumentException("groups, truth and probabilities must have the same length, got "
                    + groups.length + ", " + truth.length + ", " + probabilities.length);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<double[]> sums = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < groups.length; i++) {
            Integer t = index.get(groups[i]);
            if (t == null) {
                t = index.size();
                index.put(groups[i], t);
                sums.add(new double[probabilities[i].length]);
                counts.add(0);
                labels.add(truth[i]);
            } else if (labels.get(t) != truth[i]) {
                throw new IllegalArgumentException("track '" + groups[i] + "' has segments of two classes: " + labels.get(t) + " and " + truth[i]);
            }
            double[] s = sums.get(t);
            if (probabilities[i].length != s.length) throw new IllegalArgumentException("row " + i + " has " + probabilities[i].length + " probabilities, expected " + s.length);
            for (int c = 0; c < s.length; c++) s[c] += probabilities[i][c];
            counts.set(t, counts.get(t) + 1);
        }
        double[][] p = new double[sums.size()][];
        int[] y = new int[sums.size()];
        for (int t = 0; t < p.length; t++) {
            p[t] = sums.get(t);
            for (int c = 0; c < p[t].length; c++) p[t][c] /= counts.get(t);
            y[t] = labels.get(t);
        }
        return new Tracks(List.copyOf(index.keySet()), y, p);
    }
}
