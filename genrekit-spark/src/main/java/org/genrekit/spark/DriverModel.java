package org.genrekit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.genrekit.core.hash.Sha256;
import org.genrekit.features.FeatureRecipe;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelBundles;
import org.genrekit.models.bundle.ModelLoader;

/**
 * A model bundle as the driver reads it, before Spark starts: its bytes, and what loading them once
 * says (name, version, labels, recipe; a bundle that needs a missing backbone fails here). The
 * bytes are then broadcast, so every executor runs exactly the model the driver checked.
 *
 * @param fileName the bundle's file name
 * @param bytes    the bundle file's bytes
 * @param info     name, version, SHA-256 of the bytes, labels
 * @param recipe   the feature recipe the model consumes
 */
record DriverModel(String fileName, byte[] bytes, ModelInfo info, FeatureRecipe recipe) {

    /**
     * Reads {@code model}: a bundle path on any Hadoop file system, or null / {@code default} for the
     * built-in default (the mn04-based one when that backbone is installed on the driver, as
     * {@link ModelBundles#loadDefault()} chooses; executors get the driver's choice).
     */
    static DriverModel read(String model, Configuration hadoop) throws IOException {
        if (ModelLoader.isDefault(model)) return ModelBundles.withDefault((name, bytes) -> of(name.toString(), bytes));
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(model);
        String scheme = p.toUri().getScheme();
        byte[] bytes;
        if (scheme == null || scheme.equals("file")) {
            try {
                bytes = Files.readAllBytes(Path.of(p.toUri().getPath()));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("model bundle not found: " + model);
            }
        } else {
            FileSystem fs = p.getFileSystem(hadoop);
            if (!fs.exists(p)) throw new IllegalArgumentException("model bundle not found: " + model);
            try (InputStream in = fs.open(p)) {
                bytes = in.readAllBytes();
            }
        }
        return of(p.getName(), bytes);
    }

    /** Loads the bundle once to learn what it is (and to fail here, with the bundle's own message, if it cannot load). */
    static DriverModel of(String fileName, byte[] bytes) throws IOException {
        try (GenreClassifier c = ModelBundles.load(Path.of(fileName), bytes)) {
            return new DriverModel(fileName, bytes, new ModelInfo(c.name(), c.version(), Sha256.hexOf(bytes), c.labels()), c.recipe());
        }
    }

    /** The executors' handle: the bytes go out once as a broadcast, tasks carry only its id. */
    ClassifierSource ship(JavaSparkContext jsc) {
        return new BundleClassifierSource(info, fileName, jsc.broadcast(bytes));
    }
}
