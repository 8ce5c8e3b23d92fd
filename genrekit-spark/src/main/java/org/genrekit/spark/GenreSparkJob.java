package org.genrekit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.genrekit.data.Track;
import org.genrekit.data.TrackIds;
import org.genrekit.data.source.MediaFiles;
import org.genrekit.data.spec.DatasetSpecs;
import org.genrekit.features.FeatureSets;

/**
 * Genre classification and feature extraction over a whole collection as a Spark job.
 * <ul>
 *   <li>The driver only lists paths (Spark's own parallel file listing for globs; the dataset's
 *       metadata for specs); executors read the audio from any Hadoop file system, and results go
 *       straight from executors to the output folder. Nothing but counts comes back to the driver.</li>
 *   <li>Work is committed in batches of {@code filesPerCommit} files (each an atomic append), so a
 *       killed job keeps all finished batches; a rerun first removes the killed batch's uncommitted
 *       task output, then skips every file that already has a row (result or error): every file
 *       gets exactly one row.</li>
 *   <li>A file that cannot be read or decoded gets a row with {@code stage}, {@code error_type} and {@code message}.</li>
 * </ul>
 * The table is {@link ResultSchema}'s, in the config's {@link OutputFormat}.
 */
public final class GenreSparkJob {
    static final StructType INPUT = new StructType()
            .add("id", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final SparkJobConfig config;
    private final ClassifierSource model;
    private final ResultSchema schema;
    private final Consumer<String> progress;

    /**
     * @param model    the model, or null for features only
     * @param progress receives one line per step (files found, batch committed ...)
     */
    public GenreSparkJob(SparkSession spark, SparkJobConfig config, ClassifierSource model, Consumer<String> progress) {
        if (model == null && config.features() == null) throw new IllegalArgumentException("need a model, a feature set (--features), or both");
        this.spark = spark;
        this.config = config;
        this.model = model;
        this.schema = new ResultSchema(model == null ? null : model.info(),
                config.features() == null ? List.of() : FeatureSets.create(config.features()).columns());
        this.progress = progress;
    }

    public GenreSparkJob(SparkSession spark, SparkJobConfig config, ClassifierSource model) {
        this(spark, config, model, org.slf4j.LoggerFactory.getLogger(GenreSparkJob.class)::info);
    }

    public ResultSchema schema() {
        return schema;
    }

    public SparkJobSummary run() throws IOException {
        long t0 = System.nanoTime();
        OutputFolder folder = new OutputFolder(config.out(), spark.sparkContext().hadoopConfiguration());
        List<String> removed = folder.removeUncommitted();
        for (String r : removed) say("removed %s: uncommitted output of an interrupted run (its files are done again)", r);
        folder.claim(describe());
        OutputFormat format = config.format();
        int slots = Math.max(1, spark.sparkContext().defaultParallelism());
        // the path lists are hash-partitioned by path into one partition per core, so that dropping
        // duplicates and the anti-join need no further shuffle (spark.sql.shuffle.partitions tasks each)
        Dataset<Row> all = inputs().repartition(slots, col("path")).dropDuplicates("path");
        Dataset<Row> todo = all;
        RowCounts before = RowCounts.NONE;
        if (folder.hasCommittedOutput()) {
            Dataset<Row> prev = format.read(spark, config.out(), schema);
            before = RowCounts.of(prev);
            Dataset<Row> done = prev.select(col("file").as("path")).repartition(slots, col("path"));
            todo = all.join(done, all.col("path").equalTo(done.col("path")), "left_anti");
        }
        // only the path list is cached (a few MB for 100,000 tracks), so that batches do not list again
        todo = todo.persist(StorageLevel.MEMORY_AND_DISK());
        long total = all.count();
        long n = todo.count();
        long skipped = total - n;
        say("%d files, %d already done, %d to do", total, skipped, n);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // Spark's own wrapper: KryoSerializer knows it (it Java-serializes the Configuration)
        // Spark's own wrapper, which KryoSerializer also knows (it Java-serializes the Configuration)
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        TrackPartitionFunction fn = new TrackPartitionFunction(model, config.features(), config.policy(), config.top(), schema, config.requireNative(), conf);
        int batches = (int) Math.max(1, (n + config.filesPerCommit() - 1) / config.filesPerCommit());
        for (int b = 0; b < batches && n > 0; b++) {
            // batches by path hash: no list of paths on the driver, each batch about filesPerCommit files
            Dataset<Row> batch = batches == 1 ? todo : todo.where(pmod(xxhash64(col("path")), lit(batches)).equalTo(b));
            long size = (n + batches - 1) / batches;
            // a few tasks per core so that slow files even out; no more tasks than files
            int parts = (int) Math.max(1, Math.min(size, 3L * slots));
            format.append(batch.repartition(parts).mapPartitions(fn, Encoders.row(schema.type())), config.out(), schema);
            say("batch %d/%d committed", b + 1, batches);
        }
        todo.unpersist();
        // counted from the output: executors did the work, the driver gets a few numbers
        RowCounts added = n > 0 ? RowCounts.of(format.read(spark, config.out(), schema)).minus(before) : RowCounts.NONE;
        SparkJobSummary s = new SparkJobSummary(config.out(), format, schema.model(), config.features(), total, skipped,
                added.ok(), added.failed(), added.natives(), !removed.isEmpty(), (System.nanoTime() - t0) / 1e9);
        folder.writeSummary(s.toJson());
        return s;
    }

    /** What this job writes: a rerun into the same folder must write the same. */
    private JsonNode describe() {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", config.format().id());
        if (schema.model() != null) {
            o.put("model_sha256", schema.model().sha256());
            // another policy gives other answers: they must not be mixed into one table either
            o.put("policy", config.policy().toString());
            o.put("top", config.top());
        }
        if (config.features() != null) o.put("features", config.features());
        schema.names().forEach(o.putArray("columns")::add);
        return o;
    }

    /** {@code (id, path)} of every input file; {@code file:} paths spelled as batch spells them (plain absolute paths). */
    Dataset<Row> inputs() throws IOException {
        Dataset<Row> files;
        if (config.spec() != null) {
            // a dataset's metadata is read on the driver (paths and labels, as any Spark job's file index)
            List<Row> rows = new ArrayList<>();
            for (Track t : DatasetSpecs.tracks(config.spec()).tracks()) {
                if (t.hasAudio()) rows.add(RowFactory.create(t.id(), t.audio().toAbsolutePath().normalize().toString()));
            }
            files = spark.createDataFrame(rows, INPUT);
        } else {
            String ext = MediaFiles.AUDIO.stream().sorted().collect(Collectors.joining("|"));
            // Spark's binaryFile source lists (in parallel for many folders) without reading contents
            // unless the content column is selected, which it never is here
            Dataset<Row> listed = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                    .load(config.inputs().toArray(new String[0]))
                    .select(col("path"))
                    .where(lower(col("path")).rlike("\\.(" + ext + ")$"));
            spark.udf().register("genrekit_track_id", (String p) -> TrackIds.of(p), DataTypes.StringType);
            files = listed.selectExpr("genrekit_track_id(path) AS id", "path");
        }
        // Hadoop spells local files file:/x (file:///x when given so); batch and the fetcher use /x
        return files.withColumn("path", regexp_replace(col("path"), "^file:(//)?(?=/)", ""));
    }

    private void say(String fmt, Object... args) {
        progress.accept(String.format(Locale.ROOT, fmt, args));
    }
}
