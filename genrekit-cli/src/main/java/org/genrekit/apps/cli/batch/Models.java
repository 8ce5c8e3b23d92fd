package org.genrekit.apps.cli.batch;

import java.io.IOException;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelLoader;

/** {@code --model M}: a bundle file, or {@code default} (also when the option is left out) for the built-in model. */
final class Models {
    private Models() {
    }

    static GenreClassifier load(String model) throws IOException {
        return ModelLoader.load(model);
    }
}
