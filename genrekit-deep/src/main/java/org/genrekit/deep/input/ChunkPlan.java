package org.genrekit.deep.input;

import java.util.ArrayList;
import java.util.List;

/** Where the fixed-width chunks of a track start, for evaluation and prediction. */
public final class ChunkPlan {
    private ChunkPlan() {
    }

    /**
     * Non-overlapping chunks covering the whole track; the last one is aligned to the track's end
     * so that no frame is dropped. A track shorter than one chunk gives a single chunk at 0.
     */
    public static List<Integer> starts(int cols, int width) {
        return starts(cols, width, width);
    }

    /** Chunks every {@code hop} columns (hop &lt; width overlaps them), the last aligned to the end. */
    public static List<Integer> starts(int cols, int width, int hop) {
        if (hop <= 0 || hop > width) throw new IllegalArgumentException("hop must be in [1, width=" + width + "], got " + hop);
        List<Integer> s = new ArrayList<>();
        if (cols <= width) {
            s.add(0);
            return s;
        }
        for (int start = 0; start + width <= cols; start += hop) s.add(start);
        int last = cols - width;
        if (s.getLast() != last) s.add(last);
        return s;
    }
}
