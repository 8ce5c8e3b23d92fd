package org.genrekit.spark;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import org.apache.spark.broadcast.Broadcast;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.bundle.ModelBundles;

/**
 * A model bundle whose bytes the driver broadcast. Broadcasts reach executors under any cluster
 * manager and with Spark 4's session artifact isolation ({@code spark.sql.artifact.isolation.enabled},
 * on by default), which keeps {@code SparkContext.addFile} files away from SQL jobs' executors.
 *
 * @param info     what the model is (the driver loaded it once to know)
 * @param fileName the bundle's file name, for messages
 * @param bytes    the bundle file's bytes
 */
record BundleClassifierSource(ModelInfo info, String fileName, Broadcast<byte[]> bytes) implements ClassifierSource {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public GenreClassifier open() throws IOException {
        return ModelBundles.load(Path.of(fileName), bytes.value());
    }
}
