package org.genrekit.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The ../shared reference data; tests that need it skip when it is absent. */
public final class Shared {
    private Shared() {
    }

    public static Path data(String rel) {
        String root = System.getProperty("genrekit.shared");
        assumeTrue(root != null && Files.isDirectory(Path.of(root)), "../shared not available (system property genrekit.shared); skipping");
        Path p = Path.of(root, "data", rel);
        assumeTrue(Files.exists(p), p + " not available; skipping");
        return p;
    }
}
