package org.genrekit.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code genrekit-spark}: the Spark job's command line, for {@code bin/genrekit-spark} (local) and
 * {@code spark-submit --class org.genrekit.spark.SparkMain} (YARN, Kubernetes).
 */
@Command(name = "genrekit-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify and/or extract features for every audio file of a collection with Apache Spark.",
                "Writes a Parquet folder: track_id, path, genre, probability, labels, probabilities, features,",
                "duration_s, millis, error_reason, error. Rerunning skips files that already have a row."})
public final class SparkMain implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "GLOB", split = ",",
            description = "Paths or globs on any Hadoop file system (file:, hdfs:, s3a:); folders are searched recursively.")
    List<String> inputs = List.of();

    @Option(names = "--spec", paramLabel = "SPEC", description = "A dataset spec instead of --input (gtzan:DIR, fma:DIR?audio=DIR, manifest:FILE ...).")
    String spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output Parquet folder (any Hadoop file system).")
    String out;

    @Option(names = "--model", paramLabel = "M", description = "Model bundle file, or 'default' (used when neither --model nor --features is given).")
    String model;

    @Option(names = "--features", paramLabel = "SET", description = "Feature set to extract: gtzan58, fma518, ...")
    String features;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not set by spark-submit (default local[*]).")
    String master;

    @Option(names = "--files-per-commit", paramLabel = "N", defaultValue = "2000",
            description = "Files per committed output batch: a killed job loses at most one batch (default 2000).")
    int filesPerCommit;

    @Override
    public Integer call() throws Exception {
        SparkJobConfig cfg;
        try {
            cfg = new SparkJobConfig(inputs, spec, out, features, filesPerCommit);
            if (model != null && !model.equals("default") && isLocal(model) && !Files.isRegularFile(Path.of(model))) {
                throw new IllegalArgumentException("model bundle not found: " + model);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("genrekit-spark: " + e.getMessage());
            return 2;
        }
        SparkConf conf = new SparkConf(true).setAppName("genrekit");
        if (!conf.contains("spark.master")) conf.setMaster(master != null ? master : "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        try (SparkSession spark = SparkSession.builder().config(conf).getOrCreate()) {
            spark.sparkContext().setLogLevel(System.getProperty("genrekit.spark.logLevel", "WARN"));
            ClassifierSource src = null;
            if (model != null && !model.equals("default")) {
                spark.sparkContext().addFile(model); // local or hdfs:/s3a: path; reaches every executor on any cluster manager
                src = new BundleClassifierSource(new org.apache.hadoop.fs.Path(model).getName());
            } else if (model != null || features == null) {
                src = new BundleClassifierSource(null);
            }
            SparkJobSummary s = new GenreSparkJob(spark, cfg, src).run();
            return s.failed() > 0 ? 3 : 0;
        }
    }

    private static boolean isLocal(String path) {
        String scheme = new org.apache.hadoop.fs.Path(path).toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkMain()).execute(args));
    }
}
