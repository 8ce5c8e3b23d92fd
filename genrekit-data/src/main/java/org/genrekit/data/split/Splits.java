package org.genrekit.data.split;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.genrekit.data.SplitLists;
import org.genrekit.data.Track;
import org.genrekit.data.VectorDataset;

/**
 * Leak-free splits over track ids. Every method works on distinct ids (a segmented dataset's
 * repeated ids count once), is deterministic for a seed, and keeps each class's proportion in each
 * part (stratified). Group-aware variants keep every artist (or album) on one side.
 */
public final class Splits {
    private Splits() {
    }

    /** Canonical part name: train/training → train; valid/validation/val → valid; test → test; null stays null. */
    public static String normalizePart(String part) {
        if (part == null) return null;
        String p = part.strip().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "train", "training" -> Split.TRAIN;
            case "valid", "validation", "val", "dev" -> Split.VALID;
            case "test", "testing" -> Split.TEST;
            case "" -> null;
            default -> p;
        };
    }

    private static void checkFractions(double valid, double test) {
        if (!(valid >= 0 && valid < 1)) throw new IllegalArgumentException("valid fraction must be in [0, 1), got " + valid);
        if (!(test >= 0 && test < 1)) throw new IllegalArgumentException("test fraction must be in [0, 1), got " + test);
        if (!(valid + test < 1)) throw new IllegalArgumentException("valid + test must be < 1, got " + (valid + test));
    }

    /** Distinct ids in first-seen order with the first non-null label/group seen for each. */
    private record Items(List<String> ids, Map<String, String> label, Map<String, String> group) {
        static Items of(List<String> ids, List<String> labels, List<String> groups) {
            Map<String, String> lab = new LinkedHashMap<>();
            Map<String, String> grp = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                String l = labels == null ? null : labels.get(i);
                if (!lab.containsKey(id) || (lab.get(id) == null && l != null)) lab.put(id, l);
                if (groups != null && groups.get(i) != null) grp.putIfAbsent(id, groups.get(i));
            }
            return new Items(new ArrayList<>(lab.keySet()), lab, grp);
        }

        String labelOf(String id) {
            String l = label.get(id);
            return l == null ? "" : l;
        }

        /** A track without a group is its own group. */
        String groupOf(String id) {
            String g = group.get(id);
            return g == null ? "\u0000track:" + id : g;
        }
    }

    // ---------------------------------------------------------------- stratified random

    /** Stratified random split: per class, {@code test} and {@code valid} fractions of its tracks (rounded), the rest train. */
    public static Split stratified(List<String> ids, List<String> labels, double valid, double test, long seed) {
        checkFractions(valid, test);
        Items it = Items.of(ids, labels, null);
        List<String> tr = new ArrayList<>(), va = new ArrayList<>(), te = new ArrayList<>();
        Random rnd = new Random(seed);
        for (List<String> cls : byLabel(it).values()) {
            List<String> c = new ArrayList<>(cls);
            Collections.shuffle(c, rnd);
            int nTest = (int) Math.round(c.size() * test);
            int nValid = (int) Math.round(c.size() * valid);
            if (nTest + nValid > c.size()) nValid = c.size() - nTest;
            te.addAll(c.subList(0, nTest));
            va.addAll(c.subList(nTest, nTest + nValid));
            tr.addAll(c.subList(nTest + nValid, c.size()));
        }
        return new Split(tr, va, te);
    }

    public static Split stratified(VectorDataset ds, double valid, double test, long seed) {
        return stratified(ds.ids(), ds.labels(), valid, test, seed);
    }

    public static Split stratified(Collection<Track> tracks, double valid, double test, long seed) {
        return stratified(ids(tracks), labels(tracks), valid, test, seed);
    }

    /** Stratified k-fold: fold {@code i} tests on the i-th k-th of each class and trains on the rest (no valid part). */
    public static List<Split> stratifiedKFold(List<String> ids, List<String> labels, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("k must be >= 2, got " + k);
        Items it = Items.of(ids, labels, null);
        if (it.ids.size() < k) throw new IllegalArgumentException("k=" + k + " folds need at least k tracks, got " + it.ids.size());
        List<List<String>> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) folds.add(new ArrayList<>());
        Random rnd = new Random(seed);
        int offset = 0;
        for (List<String> cls : byLabel(it).values()) {
            List<String> c = new ArrayList<>(cls);
            Collections.shuffle(c, rnd);
            // deal round-robin, continuing where the last class stopped, so fold sizes differ by at most one
            for (String id : c) folds.get(offset++ % k).add(id);
        }
        return foldsToSplits(folds);
    }

    public static List<Split> stratifiedKFold(VectorDataset ds, int k, long seed) {
        return stratifiedKFold(ds.ids(), ds.labels(), k, seed);
    }

    // ---------------------------------------------------------------- group-aware

    /**
     * Group-aware split: whole groups (artists or albums) go to one part, chosen so that each class
     * gets close to its {@code valid}/{@code test} share. Tracks without a group are their own group.
     */
    public static Split grouped(List<String> ids, List<String> labels, List<String> groups, double valid, double test, long seed) {
        checkFractions(valid, test);
        Items it = Items.of(ids, labels, groups);
        List<List<String>> bins = assignGroups(it, new double[] {1 - valid - test, valid, test}, seed);
        return new Split(bins.get(0), bins.get(1), bins.get(2));
    }

    public static Split grouped(VectorDataset ds, double valid, double test, long seed) {
        if (ds.groups() == null) throw new IllegalArgumentException("a group-aware split needs groups (artist/album); this dataset has none");
        return grouped(ds.ids(), ds.labels(), ds.groups(), valid, test, seed);
    }

    /** Group-aware k-fold: each group's tracks are in exactly one test fold. */
    public static List<Split> groupedKFold(List<String> ids, List<String> labels, List<String> groups, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("k must be >= 2, got " + k);
        Items it = Items.of(ids, labels, groups);
        double[] shares = new double[k];
        java.util.Arrays.fill(shares, 1.0 / k);
        return foldsToSplits(assignGroups(it, shares, seed));
    }

    /**
     * Greedy stratified group assignment: groups in random order, biggest first; each goes to the
     * bin whose per-class deficit (target minus current, weighted by the group's class counts) is largest;
     * on a tie, to the bin that is least full for its share (so fold sizes stay even).
     */
    private static List<List<String>> assignGroups(Items it, double[] shares, long seed) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String id : it.ids) members.computeIfAbsent(it.groupOf(id), g -> new ArrayList<>()).add(id);
        Map<String, Integer> classTotals = new TreeMap<>();
        for (String id : it.ids) classTotals.merge(it.labelOf(id), 1, Integer::sum);
        List<String> order = new ArrayList<>(members.keySet());
        Collections.shuffle(order, new Random(seed));
        order.sort((a, b) -> Integer.compare(members.get(b).size(), members.get(a).size())); // stable: ties keep random order
        int nb = shares.length;
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<List<String>> bins = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            counts.add(new HashMap<>());
            bins.add(new ArrayList<>());
        }
        int[] fill = new int[nb];
        for (String g : order) {
            Map<String, Integer> gc = new HashMap<>();
            for (String id : members.get(g)) gc.merge(it.labelOf(id), 1, Integer::sum);
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < nb; b++) {
                if (shares[b] <= 0) continue;
                double score = 0;
                for (var e : gc.entrySet()) {
                    double target = shares[b] * classTotals.get(e.getKey());
                    double have = counts.get(b).getOrDefault(e.getKey(), 0);
                    score += e.getValue() * (target - have) / Math.max(1.0, classTotals.get(e.getKey()));
                }
                boolean tie = Math.abs(score - bestScore) <= 1e-12;
                if ((!tie && score > bestScore) || (tie && fill[b] / shares[b] < fill[best] / shares[best])) {
                    bestScore = score;
                    best = b;
                }
            }
            fill[best] += members.get(g).size();
            for (var e : gc.entrySet()) counts.get(best).merge(e.getKey(), e.getValue(), Integer::sum);
            bins.get(best).addAll(members.get(g));
        }
        return bins;
    }

    // ---------------------------------------------------------------- given splits

    /**
     * The split named by list files (each may be null): ids listed in a file go to its part; ids in
     * no list are left out. Listed ids that the dataset lacks are ignored (a list may cover more
     * tracks than a subset has).
     */
    public static Split fromLists(Collection<String> datasetIds, Path train, Path valid, Path test) throws IOException {
        Set<String> have = new HashSet<>(datasetIds);
        List<List<String>> parts = new ArrayList<>();
        for (Path p : new Path[] {train, valid, test}) {
            List<String> ids = new ArrayList<>();
            if (p != null) for (String id : SplitLists.read(p)) if (have.contains(id)) ids.add(id);
            parts.add(ids);
        }
        return new Split(parts.get(0), parts.get(1), parts.get(2));
    }

    /** The source's own split column (FMA's official split; a manifest's split column); tracks without a part are left out. */
    public static Split fromTracks(Collection<Track> tracks) {
        List<String> tr = new ArrayList<>(), va = new ArrayList<>(), te = new ArrayList<>();
        for (Track t : tracks) {
            String p = normalizePart(t.split());
            if (p == null) continue;
            switch (p) {
                case Split.TRAIN -> tr.add(t.id());
                case Split.VALID -> va.add(t.id());
                case Split.TEST -> te.add(t.id());
                default -> throw new IllegalArgumentException("track '" + t.id() + "' has unknown split part '" + t.split() + "'");
            }
        }
        if (tr.isEmpty() && va.isEmpty() && te.isEmpty()) throw new IllegalArgumentException("the source has no split column (no track has a part)");
        return new Split(tr, va, te);
    }

    /** Keeps only ids present in {@code ids} (e.g. tracks whose features were extracted). */
    public static Split restrict(Split s, Collection<String> ids) {
        Set<String> have = ids instanceof Set<String> set ? set : new HashSet<>(ids);
        return new Split(s.train().stream().filter(have::contains).toList(),
                s.valid().stream().filter(have::contains).toList(),
                s.test().stream().filter(have::contains).toList());
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, List<String>> byLabel(Items it) {
        Map<String, List<String>> m = new TreeMap<>();
        for (String id : it.ids) m.computeIfAbsent(it.labelOf(id), l -> new ArrayList<>()).add(id);
        return m;
    }

    private static List<Split> foldsToSplits(List<List<String>> folds) {
        List<Split> out = new ArrayList<>();
        for (int i = 0; i < folds.size(); i++) {
            List<String> train = new ArrayList<>();
            for (int j = 0; j < folds.size(); j++) if (j != i) train.addAll(folds.get(j));
            out.add(new Split(train, List.of(), folds.get(i)));
        }
        return out;
    }

    private static List<String> ids(Collection<Track> tracks) {
        return tracks.stream().map(Track::id).toList();
    }

    private static List<String> labels(Collection<Track> tracks) {
        List<String> l = new ArrayList<>();
        for (Track t : tracks) l.add(t.label());
        return l;
    }

    /** Artist (else album) per track, for group-aware splits over tracks. */
    public static List<String> groups(Collection<Track> tracks, String by) {
        List<String> g = new ArrayList<>();
        for (Track t : tracks) g.add("album".equals(by) ? t.album() : t.artist());
        return g;
    }
}
