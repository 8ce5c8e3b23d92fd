package org.genrekit.backbone.audioset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the network's AudioSet probabilities into a distribution over a taxonomy's genres without
 * training: each target genre scores the sum of its AudioSet classes' probabilities, times an
 * optional per-genre weight (a calibration chosen by cross-validation), and the scores are
 * normalised to sum to 1. The {@code audioset} taxonomy maps each of the 50 classes to itself.
 *
 * @param labels  target genres, in output order
 * @param classes for each label, the AudioSet class indices it sums
 * @param weights per-label multipliers (all 1 without calibration)
 */
public record GenreMapping(List<String> labels, List<int[]> classes, double[] weights) {
    public GenreMapping {
        labels = List.copyOf(labels);
        classes = classes.stream().map(int[]::clone).toList();
        weights = weights.clone();
        if (labels.size() != classes.size() || labels.size() != weights.length) {
            throw new IllegalArgumentException("labels, classes and weights differ in length: " + labels.size() + ", " + classes.size() + ", " + weights.length);
        }
        for (int i = 0; i < labels.size(); i++) {
            if (classes.get(i).length == 0) throw new IllegalArgumentException("genre '" + labels.get(i) + "' maps to no AudioSet class");
            if (!(weights[i] > 0) || !Double.isFinite(weights[i])) throw new IllegalArgumentException("weight of '" + labels.get(i) + "' must be finite and > 0, got " + weights[i]);
        }
    }

    /** GTZAN's ten genres; the rock row is the example, the others their AudioSet namesakes and close kin. */
    public static final Map<String, List<String>> GTZAN = gtzan();

    private static Map<String, List<String>> gtzan() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("blues", List.of("Blues"));
        m.put("classical", List.of("Classical music", "Opera"));
        m.put("country", List.of("Country", "Bluegrass"));
        m.put("disco", List.of("Disco", "Funk"));
        m.put("hiphop", List.of("Hip hop music", "Beatboxing"));
        m.put("jazz", List.of("Jazz", "Swing music"));
        m.put("metal", List.of("Heavy metal"));
        m.put("pop", List.of("Pop music"));
        m.put("reggae", List.of("Reggae", "Ska"));
        m.put("rock", List.of("Rock music", "Rock and roll", "Progressive rock", "Psychedelic rock", "Punk rock", "Grunge"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** A mapping from label to AudioSet class names, every weight 1. */
    public static GenreMapping of(Map<String, List<String>> byName) {
        List<String> labels = new ArrayList<>();
        List<int[]> classes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            labels.add(e.getKey());
            classes.add(e.getValue().stream().mapToInt(n -> AudioSetGenres.byName(n).index()).toArray());
        }
        double[] w = new double[labels.size()];
        java.util.Arrays.fill(w, 1.0);
        return new GenreMapping(labels, classes, w);
    }

    public static GenreMapping gtzanDefault() {
        return of(GTZAN);
    }

    /** The 50 AudioSet genres, each its own label. */
    public static GenreMapping audioSet() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (AudioSetGenres.Genre g : AudioSetGenres.all()) m.put(g.name(), List.of(g.name()));
        return of(m);
    }

    public GenreMapping withWeights(double[] w) {
        return new GenreMapping(labels, classes, w);
    }

    /** Label to AudioSet class names (for manifests and docs). */
    public Map<String, List<String>> byName() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> names = new ArrayList<>();
            for (int c : classes.get(i)) {
                for (AudioSetGenres.Genre g : AudioSetGenres.all()) if (g.index() == c) names.add(g.name());
            }
            m.put(labels.get(i), names);
        }
        return m;
    }

    /** The distribution over {@link #labels()} for one vector of 527 probabilities. */
    public double[] apply(float[] probs) {
        double[] s = new double[labels.size()];
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            double v = 0;
            for (int c : classes.get(i)) v += probs[c];
            s[i] = v * weights[i];
            total += s[i];
        }
        if (!(total > 0)) {
            // No genre class fired at all (silence, speech): say so with a flat answer, not a guess.
            java.util.Arrays.fill(s, 1.0 / s.length);
            return s;
        }
        for (int i = 0; i < s.length; i++) s[i] /= total;
        return s;
    }
}
