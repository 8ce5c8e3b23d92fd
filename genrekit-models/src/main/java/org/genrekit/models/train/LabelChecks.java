package org.genrekit.models.train;

import java.util.Map;
import java.util.stream.Collectors;
import org.genrekit.data.VectorDataset;

/**
 * What the labels of training rows allow, said before a model is fitted: rows without a label are
 * counted (they are left out, never silently), and fewer than two classes is refused (a "model"
 * of one class answers it for everything and would score 100% on its own validation).
 */
public final class LabelChecks {
    private LabelChecks() {
    }

    /** Rows of {@code ds} whose label is missing or empty (left out of training). */
    public static int unlabelled(VectorDataset ds) {
        return ds.size() - ds.labelled().size();
    }

    /**
     * Refuses {@code ds} when its labelled rows have fewer than two classes, naming the classes and
     * their counts. No labelled row at all is left to the caller, who knows where labels come from.
     */
    public static void requireTwoClasses(VectorDataset ds) {
        Map<String, Integer> counts = ds.labelled().labelCounts();
        if (counts.size() == 1) {
            String only = counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + " rows").collect(Collectors.joining());
            throw new IllegalArgumentException("the training rows have one class only (" + only + "); a genre model needs at least 2");
        }
    }
}
