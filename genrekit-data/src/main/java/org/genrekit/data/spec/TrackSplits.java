package org.genrekit.data.spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.genrekit.data.Track;
import org.genrekit.data.VectorDataset;
import org.genrekit.data.split.Split;

/**
 * The split a spec asks for over tracks rather than feature vectors (for inputs that are not
 * feature vectors: spectrograms, pictures): every mode of {@link DatasetSpecs#split}, grouped by
 * each track's artist (or album with {@code group=album}) where the spec asks for groups.
 */
public final class TrackSplits {
    private TrackSplits() {
    }

    public static Split split(DatasetSpec spec, List<Track> tracks) throws IOException {
        List<String> ids = new ArrayList<>(tracks.size()), labels = new ArrayList<>(tracks.size()), groups = new ArrayList<>(tracks.size());
        boolean album = "album".equals(spec.option("group"));
        boolean any = false;
        for (Track t : tracks) {
            ids.add(t.id());
            labels.add(t.label());
            String g = album ? t.album() : t.artist();
            any |= g != null;
            groups.add(g);
        }
        // The splits read ids, labels and groups only: a row of no columns per track.
        VectorDataset rows = new VectorDataset(ids, labels, List.of(), new float[ids.size()][0], any ? groups : null);
        return DatasetSpecs.split(spec, rows);
    }
}
