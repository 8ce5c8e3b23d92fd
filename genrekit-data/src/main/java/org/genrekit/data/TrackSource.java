package org.genrekit.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A dataset of tracks (GTZAN, FMA, a folder per genre, a manifest, an image folder). Sources read
 * their metadata when they are opened; {@link #tracks()} does no I/O.
 */
public interface TrackSource {
    /** Short description, e.g. {@code gtzan:/data/genres}. */
    String name();

    /** Every track, in a stable order. */
    List<Track> tracks();

    /** Problems found while opening that did not stop it (known corrupt files, tracks without audio). */
    default List<String> warnings() {
        return List.of();
    }

    /** The nominal length of a clip in this dataset (30 s for GTZAN and FMA's clip subsets), or NaN when tracks vary. */
    default double nominalSeconds() {
        return Double.NaN;
    }

    /** Distinct single labels, sorted. */
    default List<String> labelSet() {
        TreeSet<String> s = new TreeSet<>();
        for (Track t : tracks()) if (t.label() != null) s.add(t.label());
        return List.copyOf(s);
    }

    /** Tracks per single label, sorted by label. */
    default Map<String, Integer> labelCounts() {
        Map<String, Integer> m = new TreeMap<>();
        for (Track t : tracks()) if (t.label() != null) m.merge(t.label(), 1, Integer::sum);
        return m;
    }
}
