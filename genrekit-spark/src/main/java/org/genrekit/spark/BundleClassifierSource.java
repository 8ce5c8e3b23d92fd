package org.genrekit.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelBundles;

/**
 * A model bundle the driver shipped with {@code SparkContext.addFile} (so it reaches executors on
 * YARN or Kubernetes), or the built-in default model when {@code fileName} is null.
 */
record BundleClassifierSource(String fileName) implements ClassifierSource {
    @Override
    public String key() {
        return fileName == null ? "default" : "bundle:" + fileName;
    }

    @Override
    public GenreClassifier open() throws IOException {
        if (fileName == null) return ModelBundles.loadDefault();
        Path p = Path.of(SparkFiles.get(fileName));
        if (!Files.isRegularFile(p)) throw new IOException("model bundle " + fileName + " was not shipped to this executor (looked at " + p + ")");
        return ModelBundles.load(p);
    }
}
