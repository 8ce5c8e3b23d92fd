package org.genrekit.apps.cli.model;

import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelBundles;

/** Loads {@code --model FILE}, or the built-in default model when none is given. */
final class ModelOption {
    private ModelOption() {
    }

    static GenreClassifier load(Path model) throws IOException {
        return model == null ? ModelBundles.loadDefault() : ModelBundles.load(model);
    }
}
