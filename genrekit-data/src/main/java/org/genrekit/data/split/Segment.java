package org.genrekit.data.split;

import java.util.Locale;
import org.genrekit.data.Track;

/**
 * A time span of one track. Segments are made from a {@link Split}'s parts, so a segment always
 * carries its track's id and part: no track spans two parts.
 *
 * @param track           the track
 * @param part            the split part the track is in ({@code train}/{@code valid}/{@code test}), or null when unsplit
 * @param index           segment number within the track (0-based)
 * @param offsetSeconds   start
 * @param durationSeconds length, or 0 for "to the end" (a whole track)
 */
public record Segment(Track track, String part, int index, double offsetSeconds, double durationSeconds) {
    public Segment {
        if (!(offsetSeconds >= 0)) throw new IllegalArgumentException("offsetSeconds must be >= 0, got " + offsetSeconds);
        if (!(durationSeconds >= 0)) throw new IllegalArgumentException("durationSeconds must be >= 0, got " + durationSeconds);
    }

    /** The whole track as one segment. */
    public static Segment whole(Track t, String part) {
        return new Segment(t, part, 0, 0, 0);
    }

    public String trackId() {
        return track.id();
    }

    public boolean isWhole() {
        return offsetSeconds == 0 && durationSeconds == 0;
    }

    /** Stable text for store keys: empty for a whole track, else {@code @offset+duration}. */
    public String tag() {
        return isWhole() ? "" : String.format(Locale.ROOT, "@%.6f+%.6f", offsetSeconds, durationSeconds);
    }
}
