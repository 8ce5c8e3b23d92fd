package org.genrekit.models.bundle;

import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.models.GenreClassifier;

/**
 * Reads model bundle files. A bundle is one file holding the feature recipe, the label set, the
 * fitted model, training metrics and provenance; its {@code kind} picks a {@link BundleCodec}
 * found through {@link java.util.ServiceLoader} (classical models here, deep models in genrekit-deep).
 */
public final class ModelBundles {
    private ModelBundles() {
    }

    /** Loads a bundle; a damaged or incompatible file gets a {@link BundleException} saying what is wrong. */
    public static GenreClassifier load(Path file) throws IOException {
        throw new UnsupportedOperationException("ModelBundles.load is implemented by the models work");
    }

    /** The built-in default model shipped inside Genrekit (10 GTZAN genres). */
    public static GenreClassifier loadDefault() throws IOException {
        throw new UnsupportedOperationException("ModelBundles.loadDefault is implemented by the models work");
    }
}
