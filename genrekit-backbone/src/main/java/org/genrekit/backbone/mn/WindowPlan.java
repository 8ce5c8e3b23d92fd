package org.genrekit.backbone.mn;

import java.util.ArrayList;
import java.util.List;

/**
 * How a track is cut for the network, as EfficientAT's reference evaluation does it: consecutive,
 * non-overlapping windows from the first sample; a tail shorter than a window is dropped unless it
 * is the only window (then the whole signal is one window).
 */
public final class WindowPlan {
    private WindowPlan() {
    }

    /** {@code [start, end)} sample ranges. */
    public static List<int[]> windows(int samples, int windowSamples) {
        if (windowSamples <= 0) throw new IllegalArgumentException("window must be > 0 samples, got " + windowSamples);
        if (samples <= 0) throw new IllegalArgumentException("no samples to analyse");
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s + windowSamples <= samples; s += windowSamples) out.add(new int[] {s, s + windowSamples});
        if (out.isEmpty()) out.add(new int[] {0, samples});
        return out;
    }
}
