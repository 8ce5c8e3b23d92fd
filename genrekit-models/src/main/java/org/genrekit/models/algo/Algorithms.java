package org.genrekit.models.algo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered learning algorithms by name. */
public final class Algorithms {
    private static final Map<String, Algorithm> ALL = new LinkedHashMap<>();

    static {
        for (Algorithm a : List.of(new Majority(), new Knn(), new LogisticRegressionAlgo(), new ShrinkageLda(), new LinearSvmAlgo(),
                new RbfSvmAlgo(), new RandomForestAlgo(), new GradientBoostingAlgo(), new XgboostAlgo(), new MlpAlgo())) {
            ALL.put(a.name(), a);
        }
    }

    private Algorithms() {
    }

    public static Algorithm get(String name) {
        Algorithm a = ALL.get(name);
        if (a == null) throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", names()) + ", ensemble, default)");
        return a;
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
