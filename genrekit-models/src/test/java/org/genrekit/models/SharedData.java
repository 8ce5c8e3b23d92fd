package org.genrekit.models;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Test helper: the shared data folder with the Kaggle GTZAN table (tests skip when it is absent). */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        Path p = Path.of(System.getProperty("genrekit.shared", "../shared"));
        Assumptions.assumeTrue(Files.isDirectory(p.resolve("data/gtzan-features")), "shared data not found at " + p.toAbsolutePath() + " (set -Dgenrekit.shared)");
        return p;
    }
}
