package org.genrekit.models.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** A model bundle that cannot be used: damaged, of another format version, or of an unknown kind. */
public final class BundleException extends IOException {
    private final Path file;

    public BundleException(Path file, String reason) {
        this(file, reason, null);
    }

    public BundleException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
