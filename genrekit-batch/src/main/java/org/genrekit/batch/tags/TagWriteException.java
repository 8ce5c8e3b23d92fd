package org.genrekit.batch.tags;

import java.io.IOException;
import java.nio.file.Path;

/** Tag writing failed for one file; the original is untouched. */
public final class TagWriteException extends IOException {
    private final Path file;

    public TagWriteException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason + " (original left unchanged)", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
