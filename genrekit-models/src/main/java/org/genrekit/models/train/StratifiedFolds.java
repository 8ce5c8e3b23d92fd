package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrekit.data.split.Split;
import org.genrekit.data.split.Splits;

/**
 * Stratified k-fold assignment and hold-out over training rows, keeping each group in one part:
 * the row-index view of the data module's {@link Splits}, which does the splitting.
 * <ul>
 *   <li>When every group is one track (track-grouped: rows are tracks or segments of a track),
 *       {@link Splits#stratifiedKFold} deals each class's shuffled tracks round-robin: per-class
 *       counts and fold sizes differ by at most one.</li>
 *   <li>When groups hold several tracks (artists, of very different sizes), whole groups are placed
 *       by {@link Splits#groupedKFold}'s greedy rule: biggest first, each to the fold with the largest
 *       per-class deficit. Stratification is then as good as the groups allow: an artist with 29
 *       reggae tracks makes one fold reggae-heavy.</li>
 * </ul>
 * Tracks are counted once however many rows (segments) they have.
 */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /** Fold number in [0, k) for every row, each group being one track (its rows share the group). */
    public static int[] assign(int[] y, String[] groups, int k, long seed) {
        return assign(y, groups, groups, k, seed);
    }

    /**
     * Fold number in [0, k) for every row.
     *
     * @param ids    track id per row (segments of a track share it)
     * @param groups group per row (artist, or the track id); all rows of a track must share one
     */
    public static int[] assign(int[] y, String[] ids, String[] groups, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("folds must be >= 2, got " + k);
        check(y, ids, groups);
        int nGroups = new HashSet<>(Arrays.asList(groups)).size();
        if (nGroups < k) throw new IllegalArgumentException("cannot make " + k + " folds from " + nGroups + " groups");
        List<Split> folds = singleTrackGroups(ids, groups)
                ? Splits.stratifiedKFold(Arrays.asList(ids), labelNames(y), k, seed)
                : Splits.groupedKFold(Arrays.asList(ids), labelNames(y), Arrays.asList(groups), k, seed);
        Map<String, Integer> foldOfId = new HashMap<>();
        for (int f = 0; f < k; f++) {
            if (folds.get(f).test().isEmpty()) {
                throw new IllegalArgumentException("cannot make " + k + " folds from " + nGroups + " groups: fold " + f + " would be empty");
            }
            for (String id : folds.get(f).test()) foldOfId.put(id, f);
        }
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) out[i] = foldOfId.get(ids[i]);
        return out;
    }

    /** Rows of fold {@code f} (test) or of all other folds (train). */
    public static int[] rows(int[] assignment, int f, boolean test) {
        return java.util.stream.IntStream.range(0, assignment.length).filter(i -> (assignment[i] == f) == test).toArray();
    }

    /** A stratified hold-out, each group being one track: rows of round(fraction x tracks) tracks of each class (first) and the rest (second). */
    public static int[][] holdOut(int[] y, String[] groups, double fraction, long seed) {
        return holdOut(y, groups, groups, fraction, seed);
    }

    /**
     * A stratified hold-out that keeps each group on one side: held-out rows (first) and the rest
     * (second). With one track per group, round(fraction x tracks) tracks of each class are held out
     * ({@link Splits#stratified}); with larger groups, whole groups are placed by {@link Splits#grouped}'s greedy rule.
     */
    public static int[][] holdOut(int[] y, String[] ids, String[] groups, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("hold-out fraction must be in (0, 1), got " + fraction);
        check(y, ids, groups);
        Split split = singleTrackGroups(ids, groups)
                ? Splits.stratified(Arrays.asList(ids), labelNames(y), 0, fraction, seed)
                : Splits.grouped(Arrays.asList(ids), labelNames(y), Arrays.asList(groups), 0, fraction, seed);
        Set<String> held = new HashSet<>(split.test());
        int[] test = java.util.stream.IntStream.range(0, y.length).filter(i -> held.contains(ids[i])).toArray();
        int[] train = java.util.stream.IntStream.range(0, y.length).filter(i -> !held.contains(ids[i])).toArray();
        return new int[][]{test, train};
    }

    /** Whether no group holds two tracks (and so the plain per-class deal applies). */
    static boolean singleTrackGroups(String[] ids, String[] groups) {
        Map<String, String> trackOfGroup = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String prev = trackOfGroup.putIfAbsent(groups[i], ids[i]);
            if (prev != null && !prev.equals(ids[i])) return false;
        }
        return true;
    }

    private static void check(int[] y, String[] ids, String[] groups) {
        if (ids.length != y.length || groups.length != y.length) {
            throw new IllegalArgumentException("y, ids and groups must have the same length, got " + y.length + ", " + ids.length + ", " + groups.length);
        }
        Map<String, String> groupOfTrack = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String prev = groupOfTrack.putIfAbsent(ids[i], groups[i]);
            if (prev != null && !prev.equals(groups[i])) {
                throw new IllegalArgumentException("track '" + ids[i] + "' has rows in two groups ('" + prev + "' and '" + groups[i] + "')");
            }
        }
    }

    /** Class ids as names that sort like the numbers (Splits orders classes by name). */
    private static List<String> labelNames(int[] y) {
        List<String> l = new ArrayList<>(y.length);
        for (int v : y) l.add(String.format(java.util.Locale.ROOT, "%010d", v));
        return l;
    }
}
