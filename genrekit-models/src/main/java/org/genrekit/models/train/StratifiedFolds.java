package org.genrekit.models.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified k-fold assignment that keeps each group (track) in one fold: the groups of each class
 * are shuffled and dealt round-robin, continuing where the previous class stopped so fold sizes stay even.
 */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /** Fold number in [0, k) for every row. */
    public static int[] assign(int[] y, String[] groups, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("folds must be >= 2, got " + k);
        Map<Integer, List<String>> byClass = new java.util.TreeMap<>();
        Map<String, Integer> groupClass = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            if (groupClass.putIfAbsent(groups[i], y[i]) == null) byClass.computeIfAbsent(y[i], c -> new ArrayList<>()).add(groups[i]);
        }
        if (groupClass.size() < k) throw new IllegalArgumentException("cannot make " + k + " folds from " + groupClass.size() + " tracks");
        Random rnd = new Random(seed);
        Map<String, Integer> fold = new java.util.HashMap<>();
        int next = 0;
        for (List<String> gs : byClass.values()) {
            Collections.shuffle(gs, rnd);
            for (String g : gs) {
                fold.put(g, next);
                next = (next + 1) % k;
            }
        }
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) out[i] = fold.get(groups[i]);
        return out;
    }

    /** Rows of fold {@code f} (test) or of all other folds (train). */
    public static int[] rows(int[] assignment, int f, boolean test) {
        return java.util.stream.IntStream.range(0, assignment.length).filter(i -> (assignment[i] == f) == test).toArray();
    }

    /** A stratified hold-out: rows of round(fraction x tracks) tracks of each class (first) and the rest (second). */
    public static int[][] holdOut(int[] y, String[] groups, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("hold-out fraction must be in (0, 1), got " + fraction);
        Map<Integer, List<String>> byClass = new java.util.TreeMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            if (seen.putIfAbsent(groups[i], y[i]) == null) byClass.computeIfAbsent(y[i], c -> new ArrayList<>()).add(groups[i]);
        }
        Random rnd = new Random(seed);
        java.util.Set<String> held = new java.util.HashSet<>();
        for (List<String> gs : byClass.values()) {
            Collections.shuffle(gs, rnd);
            held.addAll(gs.subList(0, (int) Math.round(fraction * gs.size())));
        }
        int[] test = java.util.stream.IntStream.range(0, y.length).filter(i -> held.contains(groups[i])).toArray();
        int[] train = java.util.stream.IntStream.range(0, y.length).filter(i -> !held.contains(groups[i])).toArray();
        return new int[][]{test, train};
    }
}
