package org.genrekit.models.algo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered learning algorithms by name, with their descriptions and documented parameters. */
public final class Algorithms {
    /** Names that {@code train} takes besides the single algorithms (they combine or name pipelines). */
    public static final List<String> COMPOSITES = List.of("ensemble", "default");
    private static final Map<String, Algorithm<?>> ALL = new LinkedHashMap<>();

    static {
        for (Algorithm<?> a : List.of(new Majority(), new Knn(), new LogisticRegressionAlgo(), new ShrinkageLda(), new LinearSvmAlgo(),
                new RbfSvmAlgo(), new RandomForestAlgo(), new GradientBoostingAlgo(), new XgboostAlgo(), new MlpAlgo())) {
            ALL.put(a.name(), a);
        }
    }

    private Algorithms() {
    }

    public static Algorithm<?> get(String name) {
        Algorithm<?> a = ALL.get(name);
        if (a == null) throw new IllegalArgumentException(unknown(name));
        return a;
    }

    /** The message for a name that is no algorithm, with a suggestion and the valid names. */
    public static String unknown(String name) {
        List<String> valid = new ArrayList<>(names());
        valid.addAll(COMPOSITES);
        return "unknown algorithm '" + name + "'" + DidYouMean.hint(name, valid) + " (valid: " + String.join(", ", valid) + ")";
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static List<Algorithm<?>> all() {
        return List.copyOf(ALL.values());
    }
}
