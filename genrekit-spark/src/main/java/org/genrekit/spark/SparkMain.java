package org.genrekit.spark;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.genrekit.backbone.store.BackboneHome;
import org.genrekit.batch.PolicyOptions;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code genrekit-spark}: the Spark job's command line, for {@code bin/genrekit-spark} and
 * {@code spark-submit --class org.genrekit.spark.SparkMain} (standalone, YARN, Kubernetes).
 * Exit codes: 0 done, 3 done but some files failed, 2 refused (usage, missing backbone, another
 * job's output folder), 1 the job failed (e.g. an executor check).
 */
@Command(name = "genrekit-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classify and/or extract features for every audio file of a collection with Apache Spark.",
                "Writes batch's columns (file, id, the result schema's genre, probability, top, p_<label>..., model_name, ...,",
                "millis, f_<feature>...) plus stage, error_type, message, mp3_decoder, resampler;",
                "one row per file. Rerunning skips files that already have a row."})
public final class SparkMain implements Callable<Integer> {
    /** JVM options executors need (natives through FFM, deep stacks in model code), unless the user sets their own. */
    static final String EXECUTOR_JAVA_OPTIONS = "-Xss8m --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Djava.awt.headless=true";

    @Option(names = "--input", paramLabel = "GLOB", split = ",",
            description = "Paths or globs on any Hadoop file system (file:, hdfs:, s3a:); folders are searched recursively.")
    List<String> inputs = List.of();

    @Option(names = "--data", paramLabel = "SPEC", description = "A dataset spec instead of --input (gtzan:DIR, fma:DIR?audio=DIR, manifest:FILE ...).")
    String spec;

    /** The older name of --data, as in genrekit's commands: accepted, not shown. */
    @Option(names = "--spec", hidden = true, paramLabel = "SPEC", description = "Older name of --data.")
    void olderSpec(String value) {
        spec = value;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (any Hadoop file system).")
    String out;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "parquet",
            description = "parquet (default), jsonl or csv: batch's columns and JSON objects, a folder of part files.")
    String format;

    @Option(names = "--model", paramLabel = "M", description = "Model bundle file (any Hadoop file system), or 'default' (used when neither --model nor --recipe is given).")
    String model;

    @Option(names = "--recipe", paramLabel = "NAME", description = "Feature recipe to extract: gtzan58, fma518, mn04 ...")
    String features;

    /** The older name of --recipe, as in genrekit's commands: accepted, not shown. */
    @Option(names = "--features", hidden = true, paramLabel = "NAME", description = "Older name of --recipe.")
    void olderFeatures(String value) {
        features = value;
    }

    @Option(names = "--master", paramLabel = "URL", description = "Spark master when not set by spark-submit (default local[*]).")
    String master;

    @Option(names = "--files-per-commit", paramLabel = "N", defaultValue = "2000",
            description = "Files per committed output batch: a killed job loses at most one batch (default 2000).")
    int filesPerCommit;

    @Mixin
    PolicyOptions policyOptions;

    @Option(names = "--require-native",
            description = "Fail when an executor lacks libsndfile or libsoxr, instead of decoding MP3 with FFmpeg / resampling in Java.")
    boolean requireNative;

    @Override
    public Integer call() {
        SparkConf conf = new SparkConf(true).setAppName("genrekit");
        SparkJobConfig cfg;
        DriverModel bundle = null;
        try {
            cfg = new SparkJobConfig(inputs, spec, out, features, filesPerCommit, OutputFormat.of(format), requireNative,
                    policyOptions.policy(), policyOptions.top());
            // before Spark starts: the model loads, and the backbones it and --features need are installed here
            if (model != null || features == null) bundle = DriverModel.read(model, hadoopConf(conf));
            FeatureSet fs = features == null ? null : FeatureSets.create(features);
            BackbonePreflight.require(bundle == null ? null : bundle.recipe(), fs == null ? null : fs.recipe());
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("genrekit-spark: " + e.getMessage());
            return 2;
        }
        if (!conf.contains("spark.master")) conf.setMaster(master != null ? master : "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.log.level", System.getProperty("genrekit.spark.logLevel", "WARN"));
        conf.setIfMissing("spark.executor.defaultJavaOptions", EXECUTOR_JAVA_OPTIONS);
        if (BackbonePreflight.needed(bundle == null ? null : bundle.recipe(), features)) {
            // executors look where the driver found the weights, unless told otherwise
            conf.setIfMissing("spark.executorEnv.GENREKIT_HOME", BackboneHome.home().toString());
        }
        try (SparkSession spark = SparkSession.builder().config(conf).getOrCreate()) {
            ClassifierSource src = bundle == null ? null : bundle.ship(JavaSparkContext.fromSparkContext(spark.sparkContext()));
            GenreSparkJob job = new GenreSparkJob(spark, cfg, src, line -> System.err.println("genrekit-spark: " + line));
            SparkJobSummary s = job.run();
            System.err.printf(Locale.ROOT, "genrekit-spark: done: %d ok, %d failed, %d skipped in %.1f s%n", s.ok(), s.failed(), s.skipped(), s.seconds());
            s.natives().forEach((k, v) -> System.err.printf(Locale.ROOT, "genrekit-spark: %d rows decoded/resampled with %s%n", v, k));
            if (s.withoutNatives() > 0) {
                System.err.printf(Locale.ROOT, "genrekit-spark: warning: %d rows come from executors without libsndfile/libsoxr (see the executor logs; --require-native fails instead)%n", s.withoutNatives());
            }
            System.err.println("genrekit-spark: summary written to " + new OutputFolder(cfg.out(), spark.sparkContext().hadoopConfiguration()).summaryFile());
            return s.failed() > 0 ? 3 : 0;
        } catch (JobRefusedException e) {
            System.err.println("genrekit-spark: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("genrekit-spark: " + oneLine(e));
            return 1;
        }
    }

    /** The driver's Hadoop settings from {@code spark.hadoop.*}, for reading a model before Spark starts. */
    private static Configuration hadoopConf(SparkConf conf) {
        Configuration c = new Configuration();
        for (var kv : conf.getAllWithPrefix("spark.hadoop.")) c.set(kv._1(), kv._2());
        return c;
    }

    private static final Pattern NODE_CHECK = Pattern.compile(Pattern.quote(NodeCheckException.class.getName()) + ": ([^\\n]*)");

    /** A node check's own message when a task failed on one (Spark wraps it in its stage-failure text), else the error. */
    static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NodeCheckException) return t.getMessage();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = NODE_CHECK.matcher(String.valueOf(t.getMessage()));
            if (m.find()) return m.group(1);
        }
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? msg : msg.substring(0, nl));
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkMain()).execute(args));
    }
}
