package org.genrekit.models.bundle;

import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.models.GenreClassifier;

/**
 * Loads what {@code --model} names, the same way in every command: a bundle file, or the built-in
 * default model when the option is left out or says {@value #DEFAULT}.
 */
public final class ModelLoader {
    /** The built-in default model's name. */
    public static final String DEFAULT = "default";

    private ModelLoader() {
    }

    /** Whether {@code model} (a --model value, null when left out) names the built-in default. */
    public static boolean isDefault(String model) {
        return model == null || model.equals(DEFAULT);
    }

    public static GenreClassifier load(String model) throws IOException {
        return isDefault(model) ? ModelBundles.loadDefault() : ModelBundles.load(Path.of(model));
    }

    public static GenreClassifier load(Path model) throws IOException {
        return load(model == null ? null : model.toString());
    }
}
