package org.genrekit.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file to process: its track id and where it is. The path is absolute and normalised, so that
 * results written by one run are recognised by the next ({@code --resume} keys on it).
 *
 * @param id   track id (file name without extension, or the dataset's own id)
 * @param path absolute, normalised path of the audio file
 */
public record BatchItem(String id, Path path) {
    public BatchItem {
        Objects.requireNonNull(id, "id");
        path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
    }

    /** The key results are matched on when resuming. */
    public String key() {
        return path.toString();
    }
}
