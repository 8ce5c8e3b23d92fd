package org.genrekit.models.train;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.core.hash.Sha256;
import org.genrekit.data.VectorDataset;

/** Bridges the data module's {@link VectorDataset} to {@link TrainingData}. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * The labelled rows of {@code ds}; rows of one track (segments) share its id. The cross-validation
     * group is the row's artist (or album) when the dataset has groups ({@link #grouped}), a track of
     * unknown artist being a group of its own; without groups it is the track id. So CV, hold-outs
     * and searches never put one artist (or one track) on both sides.
     *
     * @param labels the label set to use (a model's), or null for the dataset's own sorted set
     */
    public static TrainingData training(VectorDataset ds, List<String> labels) {
        VectorDataset l = ds.labelled();
        List<String> set = labels == null ? l.labelSet() : labels;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) if (set.contains(l.labels().get(i))) keep.add(i);
        int n = keep.size();
        boolean grouped = grouped(l);
        float[][] x = new float[n][];
        int[] y = new int[n];
        String[] ids = new String[n], groups = new String[n];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            x[k] = requireFinite(l.row(i), l.ids().get(i), l.columns());
            y[k] = set.indexOf(l.labels().get(i));
            ids[k] = l.ids().get(i);
            String g = grouped ? l.group(i) : null;
            // prefixes keep an artist named like a track id apart from that track
            groups[k] = g == null ? (grouped ? TRACK_GROUP + ids[k] : ids[k]) : ARTIST_GROUP + g;
        }
        return new TrainingData(l.columns(), x, y, set, ids, groups);
    }

    private static final String ARTIST_GROUP = "group:", TRACK_GROUP = "track:";

    /** Whether {@link #training} groups {@code ds}'s rows by artist (or album): some row has a known one. */
    public static boolean grouped(VectorDataset ds) {
        if (ds.groups() == null) return false;
        for (String g : ds.groups()) if (g != null) return true;
        return false;
    }

    /**
     * Group counts of {@code ds} as {@link #training} forms them.
     *
     * @param groups        distinct known artists (albums); 0 when not {@link #grouped}
     * @param unknownTracks tracks without one (each its own group); every track when not grouped
     */
    public record GroupCounts(int groups, int unknownTracks) {
    }

    public static GroupCounts groupCounts(VectorDataset ds) {
        java.util.Set<String> known = new java.util.HashSet<>(), unknown = new java.util.HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            if (ds.group(i) != null) known.add(ds.group(i));
            else unknown.add(ds.ids().get(i));
        }
        return new GroupCounts(known.size(), unknown.size());
    }

    /** One NaN or infinite value poisons a model silently; whatever read the data should have refused or imputed it. */
    private static float[] requireFinite(float[] row, String id, List<String> columns) {
        for (int j = 0; j < row.length; j++) {
            if (!Float.isFinite(row[j])) {
                throw new IllegalArgumentException("row " + id + ": column '" + columns.get(j) + "' is " + row[j]
                        + "; a model cannot learn from it (impute column medians with --missing median)");
            }
        }
        return row;
    }

    /** SHA-256 over ids, labels and values: identifies the exact training data in provenance. */
    public static String hash(TrainingData d) {
        Sha256 md = Sha256.start();
        for (String c : d.columns()) md.update(c + "\n");
        ByteBuffer b = ByteBuffer.allocate(4);
        for (int i = 0; i < d.size(); i++) {
            md.update(d.ids()[i] + "\t" + d.labels().get(d.y()[i]) + "\n");
            for (float v : d.x()[i]) {
                b.clear();
                b.putFloat(v);
                md.update(b.array());
            }
        }
        return md.hex();
    }
}
