package org.genrekit.apps.cli.batch;

import java.io.IOException;
import java.nio.file.Path;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelBundles;

/** {@code --model M}: a bundle file, or {@code default} (also when the option is left out) for the built-in model. */
final class Models {
    private Models() {
    }

    static GenreClassifier load(String model) throws IOException {
        if (model == null || model.equals("default")) return ModelBundles.loadDefault();
        return ModelBundles.load(Path.of(model));
    }
}
