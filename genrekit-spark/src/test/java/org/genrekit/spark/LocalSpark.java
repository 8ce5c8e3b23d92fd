package org.genrekit.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] session for all in-process tests of this module (stopped with the JVM), and the
 * shared data. It uses Kryo, which failed while XGBoost's Kryo 5 shadowed Spark's Kryo 4 (the
 * multi-JVM tests use Spark's default Java serialization).
 */
final class LocalSpark {
    private static SparkSession spark;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSession.builder().master("local[2]").appName("genrekit-test")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** {@code ../shared/data/NAME}, or the test is skipped. */
    static Path shared(String name) {
        String s = System.getProperty("genrekit.shared");
        Path p = s == null ? null : Path.of(s, "data", name);
        assumeTrue(p != null && Files.isDirectory(p), "../shared/data/" + name + " not found (system property genrekit.shared=" + s + "); skipping");
        return p;
    }
}
