package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Labelled feature vectors for training: rows of {@code columns}, class ids into {@code labels},
 * the track id per row (segments of a track share it; scores average a track's rows), and a
 * cross-validation group per row (the artist, or the track id when no artist is known) so that
 * cross-validation never splits an artist or a track.
 */
public record TrainingData(List<String> columns, float[][] x, int[] y, List<String> labels, String[] ids, String[] groups) {
    public TrainingData {
        columns = List.copyOf(columns);
        labels = List.copyOf(labels);
        Objects.requireNonNull(x, "x");
        if (x.length != y.length || x.length != ids.length || x.length != groups.length) {
            throw new IllegalArgumentException("x, y, ids and groups must have the same length, got " + x.length + ", " + y.length + ", " + ids.length + ", " + groups.length);
        }
        if (x.length == 0) throw new IllegalArgumentException("no training rows");
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != columns.size()) throw new IllegalArgumentException("row " + ids[i] + " has " + x[i].length + " values for " + columns.size() + " columns");
            if (y[i] < 0 || y[i] >= labels.size()) throw new IllegalArgumentException("row " + ids[i] + " has class " + y[i] + " outside [0, " + labels.size() + ")");
        }
    }

    /** Builds class ids from label names; the label set is sorted alphabetically. */
    public static TrainingData ofNames(List<String> columns, float[][] x, String[] labelNames, String[] ids, String[] groups) {
        List<String> labels = new ArrayList<>(new java.util.TreeSet<>(List.of(labelNames)));
        int[] y = new int[labelNames.length];
        for (int i = 0; i < y.length; i++) y[i] = labels.indexOf(labelNames[i]);
        return new TrainingData(columns, x, y, labels, ids, groups == null ? ids : groups);
    }

    public int size() {
        return x.length;
    }

    public TrainingData subset(int[] rows) {
        float[][] sx = new float[rows.length][];
        int[] sy = new int[rows.length];
        String[] si = new String[rows.length], sg = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            sx[i] = x[rows[i]];
            sy[i] = y[rows[i]];
            si[i] = ids[rows[i]];
            sg[i] = groups[rows[i]];
        }
        return new TrainingData(columns, sx, sy, labels, si, sg);
    }

    /** These rows followed by {@code more}'s, which must have the same columns and labels. */
    public TrainingData concat(TrainingData more) {
        if (!columns.equals(more.columns) || !labels.equals(more.labels)) {
            throw new IllegalArgumentException("cannot join training data with other columns or labels");
        }
        int n = x.length, m = more.x.length;
        float[][] cx = java.util.Arrays.copyOf(x, n + m);
        System.arraycopy(more.x, 0, cx, n, m);
        int[] cy = java.util.Arrays.copyOf(y, n + m);
        System.arraycopy(more.y, 0, cy, n, m);
        String[] ci = java.util.Arrays.copyOf(ids, n + m), cg = java.util.Arrays.copyOf(groups, n + m);
        System.arraycopy(more.ids, 0, ci, n, m);
        System.arraycopy(more.groups, 0, cg, n, m);
        return new TrainingData(columns, cx, cy, labels, ci, cg);
    }

    /** The rows' values of the named columns, in that order. */
    public double[][] columns(List<String> names) {
        int[] idx = new int[names.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = columns.indexOf(names.get(j));
            if (idx[j] < 0) throw new IllegalArgumentException("the data has no column '" + names.get(j) + "'");
        }
        double[][] out = new double[x.length][idx.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < idx.length; j++) out[i][j] = x[i][idx[j]];
        return out;
    }
}
