package org.genrekit.data.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.genrekit.data.Track;

/**
 * Cuts tracks into segments AFTER they have been split: the only entry point takes a {@link Split},
 * so a segment can never leak its track into another part.
 * <ul>
 *   <li>{@link #fixed(int, double)}: N consecutive chunks of T seconds from the start (4 × 7.5 s);</li>
 *   <li>{@link #randomCrops(int, double, long)}: K crops of T seconds at random offsets, drawn per
 *       track from the seed and the track id (reproducible, independent of track order).</li>
 * </ul>
 */
public final class Segmenter {
    private final boolean random;
    private final int count;
    private final double seconds;
    private final long seed;

    private Segmenter(boolean random, int count, double seconds, long seed) {
        if (count < 1) throw new IllegalArgumentException("segment count must be >= 1, got " + count);
        if (!(seconds > 0) || Double.isInfinite(seconds)) throw new IllegalArgumentException("segment seconds must be > 0, got " + seconds);
        this.random = random;
        this.count = count;
        this.seconds = seconds;
        this.seed = seed;
    }

    public static Segmenter fixed(int n, double seconds) {
        return new Segmenter(false, n, seconds, 0);
    }

    public static Segmenter randomCrops(int k, double seconds, long seed) {
        return new Segmenter(true, k, seconds, seed);
    }

    /** {@code 4x7.5} → fixed(4, 7.5). */
    public static Segmenter parseFixed(String text) {
        double[] nt = parseNxT(text, "segments");
        return fixed((int) nt[0], nt[1]);
    }

    /** {@code 8x3} → randomCrops(8, 3, seed). */
    public static Segmenter parseCrops(String text, long seed) {
        double[] nt = parseNxT(text, "crops");
        return randomCrops((int) nt[0], nt[1], seed);
    }

    /** Segments per track (N of NxT). */
    public int count() {
        return count;
    }

    /** Length of each segment in seconds (T of NxT). */
    public double seconds() {
        return seconds;
    }

    private static double[] parseNxT(String text, String what) {
        String[] p = text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) return new double[] {Integer.parseInt(p[0].strip()), Double.parseDouble(p[1].strip())};
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(what + " must be COUNTxSECONDS (e.g. 4x7.5), got '" + text + "'");
    }

    /**
     * Segments of every track of {@code split}, part by part. {@code duration} gives a track's length
     * in seconds (NaN when unknown); fixed chunks past a known end are dropped, random crops need a
     * known duration (a track with unknown or too short duration gets one crop from 0).
     */
    public List<Segment> apply(Split split, Map<String, Track> tracks, ToDoubleFunction<Track> duration) {
        List<Segment> out = new ArrayList<>();
        for (String part : List.of(Split.TRAIN, Split.VALID, Split.TEST)) {
            for (String id : split.part(part)) {
                Track t = tracks.get(id);
                if (t == null) throw new IllegalArgumentException("split names track '" + id + "' that the dataset lacks");
                out.addAll(segments(t, part, duration.applyAsDouble(t)));
            }
        }
        return out;
    }

    /** Same, with durations from the tracks' metadata. */
    public List<Segment> apply(Split split, List<Track> tracks) {
        Map<String, Track> byId = new HashMap<>();
        for (Track t : tracks) byId.put(t.id(), t);
        return apply(split, byId, Track::durationSeconds);
    }

    List<Segment> segments(Track t, String part, double dur) {
        List<Segment> s = new ArrayList<>();
        if (!random) {
            for (int i = 0; i < count; i++) {
                double off = i * seconds;
                // a chunk that would start past a known end is not made (a 29.9 s clip still gets its 4th chunk, a bit short)
                if (!Double.isNaN(dur) && off >= dur) break;
                s.add(new Segment(t, part, i, off, seconds));
            }
            return s;
        }
        Random r = new Random(seed * 0x9E3779B97F4A7C15L ^ t.id().hashCode());
        double span = Double.isNaN(dur) ? 0 : Math.max(0, dur - seconds);
        for (int i = 0; i < count; i++) {
            double off = span <= 0 ? 0 : Math.floor(r.nextDouble() * span * 1000) / 1000;
            s.add(new Segment(t, part, i, off, seconds));
        }
        return s;
    }

    @Override
    public String toString() {
        return (random ? "crops " : "segments ") + count + "x" + seconds;
    }
}
