package org.genrekit.data.split;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A partition of track ids into train, validation and test. No id is in two parts (checked).
 * Segments are made from a split, never before, so a track's segments stay in its part.
 */
public record Split(List<String> train, List<String> valid, List<String> test) {
    public static final String TRAIN = "train";
    public static final String VALID = "valid";
    public static final String TEST = "test";

    public Split {
        train = List.copyOf(Objects.requireNonNull(train, "train"));
        valid = List.copyOf(Objects.requireNonNull(valid, "valid"));
        test = List.copyOf(Objects.requireNonNull(test, "test"));
        Set<String> seen = new HashSet<>();
        for (List<String> part : List.of(train, valid, test)) {
            for (String id : part) {
                if (!seen.add(id)) throw new IllegalArgumentException("track '" + id + "' is in two parts of a split");
            }
        }
    }

    /** Part name ({@link #TRAIN}, {@link #VALID}, {@link #TEST}) of every id. */
    public Map<String, String> partOf() {
        Map<String, String> m = new HashMap<>();
        train.forEach(id -> m.put(id, TRAIN));
        valid.forEach(id -> m.put(id, VALID));
        test.forEach(id -> m.put(id, TEST));
        return m;
    }

    /** The ids of part {@code name}. */
    public List<String> part(String name) {
        return switch (Splits.normalizePart(name)) {
            case TRAIN -> train;
            case VALID -> valid;
            case TEST -> test;
            default -> throw new IllegalArgumentException("unknown split part '" + name + "' (train, valid, test)");
        };
    }

    public int size() {
        return train.size() + valid.size() + test.size();
    }

    @Override
    public String toString() {
        return "Split[train=" + train.size() + ", valid=" + valid.size() + ", test=" + test.size() + "]";
    }
}
