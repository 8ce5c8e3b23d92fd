package org.genrekit.models.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.genrekit.models.GenreClassifier;

/**
 * Reads the model of one bundle {@code kind} (e.g. "classical", "deep"). Registered in
 * {@code META-INF/services/org.genrekit.models.bundle.BundleCodec}.
 */
public interface BundleCodec {
    String kind();

    /**
     * Builds the classifier from a bundle whose manifest has already been checked.
     *
     * @param file     the bundle file (for error messages)
     * @param manifest the parsed manifest.json as a map
     * @param entries  the bundle's other entries by name (already checksum-verified)
     */
    GenreClassifier read(Path file, Map<String, Object> manifest, Map<String, byte[]> entries) throws IOException;
}
