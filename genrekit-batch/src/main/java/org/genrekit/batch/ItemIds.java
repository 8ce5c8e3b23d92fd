package org.genrekit.batch;

import java.nio.file.Path;
import org.genrekit.data.TrackIds;

/** Track ids for files that come without one, spelled as everywhere in Genrekit. */
final class ItemIds {
    private ItemIds() {
    }

    static String of(Path file) {
        return TrackIds.of(file.getFileName().toString());
    }
}
