package org.genrekit.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One item of a dataset source.
 *
 * @param id              unique id within the source (GTZAN {@code blues.00029}, FMA {@code 2}, a manifest's file name)
 * @param audio           where the audio (or, for an image source, the image) is; null when the source lists the track but has no file for it
 * @param label           the single label (GTZAN genre, FMA genre_top), or null
 * @param labels          all labels (FMA: every genre of the track), never null; contains {@code label} when that is set
 * @param artist          artist key, or null
 * @param album           album key, or null
 * @param durationSeconds duration the metadata states, or NaN
 * @param split           the source's own split part ({@code train}, {@code valid}/{@code validation}, {@code test}), or null
 */
public record Track(String id, Path audio, String label, List<String> labels, String artist, String album,
                    double durationSeconds, String split) {
    public Track {
        Objects.requireNonNull(id, "id");
        labels = labels == null ? (label == null ? List.of() : List.of(label)) : List.copyOf(labels);
    }

    /** A track with a file and a label only. */
    public static Track of(String id, Path audio, String label) {
        return new Track(id, audio, label, null, null, null, Double.NaN, null);
    }

    public boolean hasAudio() {
        return audio != null;
    }

    public Track withSplit(String part) {
        return new Track(id, audio, label, labels, artist, album, durationSeconds, part);
    }

    public Track withArtist(String a) {
        return new Track(id, audio, label, labels, a, album, durationSeconds, split);
    }
}
