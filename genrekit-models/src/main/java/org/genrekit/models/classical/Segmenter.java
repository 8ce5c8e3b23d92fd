package org.genrekit.models.classical;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a track into the windows a clip model was trained on (e.g. 30 s for GTZAN): consecutive
 * windows of {@code seconds}; a tail shorter than half a window is dropped, and a track shorter
 * than 1.5 windows is one window, so short clips are classified whole.
 */
public final class Segmenter {
    private Segmenter() {
    }

    /** [start, end) sample indices of each window. */
    public static List<int[]> windows(int length, int sampleRate, double seconds) {
        if (!(seconds > 0)) throw new IllegalArgumentException("segment length must be > 0 s, got " + seconds);
        int w = (int) Math.round(seconds * sampleRate);
        List<int[]> out = new ArrayList<>();
        if (length <= w * 3 / 2) {
            out.add(new int[]{0, length});
            return out;
        }
        for (int start = 0; start < length; start += w) {
            int end = Math.min(length, start + w);
            if (end - start < w / 2) break;
            out.add(new int[]{start, end});
        }
        return out;
    }
}
