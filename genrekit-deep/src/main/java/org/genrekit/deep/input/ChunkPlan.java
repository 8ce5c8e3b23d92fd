package org.genrekit.deep.input;

import java.util.ArrayList;
import java.util.List;
import org.genrekit.deep.arch.ArchSpec.InputKind;

/** Where the fixed-width chunks of a track start, for evaluation and prediction. */
public final class ChunkPlan {
    private ChunkPlan() {
    }

    /** One chunk: its first column and its width. */
    public record Chunk(int start, int width) {
    }

    /**
     * The chunks a model of input kind {@code kind} reads: for log-mel inputs {@link #starts},
     * every chunk {@code width} wide; for a backbone's windows what the backbone itself does
     * ({@link org.genrekit.backbone.mn.WindowPlan}): consecutive windows from the start, a tail
     * shorter than a window dropped, and a track shorter than one window read whole (narrower).
     */
    public static List<Chunk> chunks(InputKind kind, int cols, int width, int hop) {
        List<Chunk> out = new ArrayList<>();
        if (kind != InputKind.BACKBONE_MEL) {
            for (int s : starts(cols, width, hop)) out.add(new Chunk(s, width));
            return out;
        }
        if (hop <= 0 || hop > width) throw new IllegalArgumentException("hop must be in [1, width=" + width + "], got " + hop);
        if (cols <= width) return List.of(new Chunk(0, cols));
        for (int s = 0; s + width <= cols; s += hop) out.add(new Chunk(s, width));
        return out;
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
