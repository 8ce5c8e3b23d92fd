package org.genrekit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.genrekit.data.Track;
import org.genrekit.data.TrackIds;
import org.genrekit.data.source.MediaFiles;
import org.genrekit.data.spec.DatasetSpecs;

/**
 * Genre classification and feature extraction over a whole collection as a Spark job.
 * <ul>
 *   <li>The driver only lists paths (Spark's own parallel file listing for globs; the dataset's
 *       metadata for specs); executors read the audio from any Hadoop file system, and results go
 *       straight from executors to Parquet. Nothing but counts comes back to the driver.</li>
 *   <li>Work is committed in batches of {@code filesPerCommit} files (each an atomic Parquet
 *       append), so a killed job keeps all finished batches; a rerun skips every file that already
 *       has a row (result or error).</li>
 *   <li>A file that cannot be read or decoded gets a row with {@code error_reason} and {@code error}.</li>
 * </ul>
 */
public final class GenreSparkJob {
    static final StructType INPUT = new StructType()
            .add("track_id", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false);

    private final SparkSession spark;
    private final SparkJobConfig config;
    private final ClassifierSource model;

    /** @param model the model, or null for features only */
    public GenreSparkJob(SparkSession spark, SparkJobConfig config, ClassifierSource model) {
        if (model == null && config.features() == null) throw new IllegalArgumentException("need a model, a feature set (--features), or both");
        this.spark = spark;
        this.config = config;
        this.model = model;
    }

    public SparkJobSummary run() throws IOException {
        long t0 = System.nanoTime();
        Dataset<Row> all = inputs().dropDuplicates("path");
        Dataset<Row> todo = all;
        long rowsBefore = 0, errorsBefore = 0;
        if (outputExists()) {
            Dataset<Row> prev = output();
            rowsBefore = prev.count();
            errorsBefore = prev.where(col("error").isNotNull()).count();
            Dataset<Row> done = prev.select("path");
            todo = all.join(done, all.col("path").equalTo(done.col("path")), "left_anti");
        }
        // only the path list is cached (a few MB for 100,000 tracks), so that batches do not list again
        todo = todo.persist(StorageLevel.MEMORY_AND_DISK());
        long total = all.count();
        long n = todo.count();
        long skipped = total - n;
        log("%d files, %d already done, %d to do", total, skipped, n);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        TrackPartitionFunction fn = new TrackPartitionFunction(model, config.features(), conf);
        int batches = (int) Math.max(1, (n + config.filesPerCommit() - 1) / config.filesPerCommit());
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        for (int b = 0; b < batches && n > 0; b++) {
            // batches by path hash: no list of paths on the driver, each batch about filesPerCommit files
            Dataset<Row> batch = batches == 1 ? todo : todo.where(pmod(xxhash64(col("path")), lit(batches)).equalTo(b));
            long size = (n + batches - 1) / batches;
            // a few tasks per core so that slow files even out; no more tasks than files
            int parts = (int) Math.max(1, Math.min(size, 3L * slots));
            Dataset<Row> rows = batch.repartition(parts).mapPartitions(fn, Encoders.row(ResultRows.SCHEMA));
            rows.write().mode(SaveMode.Append).parquet(config.out());
            log("batch %d/%d committed", b + 1, batches);
        }
        todo.unpersist();
        long ok = 0, failed = 0;
        if (n > 0) {
            // counted from the output: executors did the work, the driver gets two numbers
            Dataset<Row> out = output();
            failed = out.where(col("error").isNotNull()).count() - errorsBefore;
            ok = out.count() - rowsBefore - failed;
        }
        SparkJobSummary s = new SparkJobSummary(skipped, ok, failed, (System.nanoTime() - t0) / 1e9);
        log("done: %d ok, %d failed, %d skipped in %.1f s", s.ok(), s.failed(), s.skipped(), s.seconds());
        return s;
    }

    private Dataset<Row> output() {
        return spark.read().schema(ResultRows.SCHEMA).parquet(config.out());
    }

    /** Whether an earlier run committed output there. */
    private boolean outputExists() throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(config.out());
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) return false;
        for (var st : fs.listStatus(p)) if (st.getPath().getName().endsWith(".parquet")) return true;
        return false;
    }

    /** {@code (track_id, path)} of every input file. */
    Dataset<Row> inputs() throws IOException {
        if (config.spec() != null) {
            // a dataset's metadata is read on the driver (paths and labels, as any Spark job's file index)
            List<Row> rows = new ArrayList<>();
            for (Track t : DatasetSpecs.tracks(config.spec()).tracks()) {
                // spelled as Hadoop spells paths (file:/x, not file:///x) so that reruns match earlier rows
                if (t.hasAudio()) rows.add(RowFactory.create(t.id(), new org.apache.hadoop.fs.Path(t.audio().toAbsolutePath().toUri()).toString()));
            }
            return spark.createDataFrame(rows, INPUT);
        }
        String ext = MediaFiles.AUDIO.stream().sorted().collect(Collectors.joining("|"));
        // Spark's binaryFile source lists (in parallel for many folders) without reading contents
        // unless the content column is selected, which it never is here
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                .load(config.inputs().toArray(new String[0]))
                .select(col("path"))
                .where(lower(col("path")).rlike("\\.(" + ext + ")$"));
        spark.udf().register("genrekit_track_id", (String p) -> TrackIds.of(p), DataTypes.StringType);
        return files.selectExpr("genrekit_track_id(path) AS track_id", "path");
    }

    private static void log(String fmt, Object... args) {
        System.err.println("genrekit-spark: " + String.format(Locale.ROOT, fmt, args));
    }
}
