package org.genrekit.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Feature vectors: one row per track (or per segment of a track). Immutable: the row arrays are
 * shared, not copied (a 100,000 × 518 table must not be duplicated), so callers must not write into
 * {@link #x()}'s rows.
 *
 * @param ids     track id per row (a segmented dataset repeats the track id on each of its rows)
 * @param labels  label per row, null where unknown
 * @param columns feature names, one per value of a row
 * @param x       the rows, each of {@code columns.size()} values (NaN where missing)
 * @param groups  artist/album key per row (null entries where unknown), or null when the source has none
 */
public record VectorDataset(List<String> ids, List<String> labels, List<String> columns, float[][] x,
                            List<String> groups) {
    public VectorDataset {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(x, "x");
        ids = List.copyOf(ids);
        labels = Collections.unmodifiableList(new ArrayList<>(labels));
        columns = List.copyOf(columns);
        x = x.clone();
        groups = groups == null ? null : Collections.unmodifiableList(new ArrayList<>(groups));
        if (labels.size() != ids.size()) throw new IllegalArgumentException("labels has " + labels.size() + " rows, ids " + ids.size());
        if (x.length != ids.size()) throw new IllegalArgumentException("x has " + x.length + " rows, ids " + ids.size());
        if (groups != null && groups.size() != ids.size()) throw new IllegalArgumentException("groups has " + groups.size() + " rows, ids " + ids.size());
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != columns.size()) {
                throw new IllegalArgumentException("row " + i + " (" + ids.get(i) + ") has "
                        + (x[i] == null ? "no" : x[i].length) + " values, expected " + columns.size());
            }
        }
    }

    /** Without groups. */
    public VectorDataset(List<String> ids, List<String> labels, List<String> columns, float[][] x) {
        this(ids, labels, columns, x, null);
    }

    public int size() {
        return ids.size();
    }

    public int dimension() {
        return columns.size();
    }

    /** Row {@code i} (shared; do not modify). */
    public float[] row(int i) {
        return x[i];
    }

    /** Group of row {@code i}, or null. */
    public String group(int i) {
        return groups == null ? null : groups.get(i);
    }

    /** The rows {@code rows}, in that order. */
    public VectorDataset subset(int[] rows) {
        List<String> i2 = new ArrayList<>(rows.length);
        List<String> l2 = new ArrayList<>(rows.length);
        List<String> g2 = groups == null ? null : new ArrayList<>(rows.length);
        float[][] x2 = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            i2.add(ids.get(r));
            l2.add(labels.get(r));
            if (g2 != null) g2.add(groups.get(r));
            x2[k] = x[r];
        }
        return new VectorDataset(i2, l2, columns, x2, g2);
    }

    /** Row indices whose id is in {@code wanted}, in row order (all rows of a segmented track). */
    public int[] rowsOf(Collection<String> wanted) {
        java.util.Set<String> set = wanted instanceof java.util.Set<String> s ? s : new java.util.HashSet<>(wanted);
        return java.util.stream.IntStream.range(0, ids.size()).filter(i -> set.contains(ids.get(i))).toArray();
    }

    /** The rows of the given track ids. */
    public VectorDataset subsetByIds(Collection<String> wanted) {
        return subset(rowsOf(wanted));
    }

    /** Rows with a known label only. */
    public VectorDataset labelled() {
        return subset(java.util.stream.IntStream.range(0, ids.size()).filter(i -> labels.get(i) != null).toArray());
    }

    /** Distinct non-null labels, sorted. */
    public List<String> labelSet() {
        TreeSet<String> s = new TreeSet<>();
        for (String l : labels) if (l != null) s.add(l);
        return List.copyOf(s);
    }

    /** Row count per label (sorted by label). */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        for (String l : labels) if (l != null) m.merge(l, 1, Integer::sum);
        return m;
    }

    /** Label index per row into {@link #labelSet()}, -1 where unknown. */
    public int[] labelIndices() {
        List<String> set = labelSet();
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < set.size(); i++) idx.put(set.get(i), i);
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) y[i] = labels.get(i) == null ? -1 : idx.get(labels.get(i));
        return y;
    }

    /** Index of column {@code name}, or -1. */
    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    /** The same rows with these groups (e.g. artists joined from a source). */
    public VectorDataset withGroups(List<String> newGroups) {
        return new VectorDataset(ids, labels, columns, x, newGroups);
    }

    @Override
    public String toString() {
        return "VectorDataset[" + size() + " rows × " + dimension() + " columns, labels " + labelCounts() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VectorDataset v)) return false;
        return ids.equals(v.ids) && labels.equals(v.labels) && columns.equals(v.columns)
                && java.util.Arrays.deepEquals(x, v.x) && Objects.equals(groups, v.groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, labels, columns, java.util.Arrays.deepHashCode(x), groups);
    }
}
