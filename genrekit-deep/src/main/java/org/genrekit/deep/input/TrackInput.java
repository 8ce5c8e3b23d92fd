package org.genrekit.deep.input;

import java.util.Objects;

/**
 * One track's network input before chunking: a log-mel spectrogram [bands][frames], a picture
 * [height][width] or a feature vector [dims][1].
 *
 * @param id    the track's identity (file path or clip id), for reports
 * @param label index into the label list, or -1 when unknown
 * @param plane the values, rows of equal length
 */
public record TrackInput(String id, int label, float[][] plane) {
    public TrackInput {
        Objects.requireNonNull(id, "id");
        if (plane.length == 0 || plane[0].length == 0) throw new IllegalArgumentException("track " + id + " has an empty input");
        for (float[] r : plane) {
            if (r.length != plane[0].length) throw new IllegalArgumentException("track " + id + " has rows of different lengths");
        }
    }

    public int rows() {
        return plane.length;
    }

    public int cols() {
        return plane[0].length;
    }
}
