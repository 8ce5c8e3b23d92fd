package org.genrekit.spark;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.sql.Row;
import org.genrekit.batch.BatchItem;
import org.genrekit.batch.ClassifyProcessor;
import org.genrekit.batch.TrackProcessor;
import org.genrekit.batch.TrackResult;
import org.genrekit.features.FeatureSet;
import org.genrekit.features.FeatureSets;
import org.genrekit.models.GenreClassifier;
import org.genrekit.models.TrackPolicy;

/**
 * Runs on executors: for each {@code (id, path)} row, fetches the file to local disk, decodes,
 * classifies through the job's {@link TrackPolicy} and/or extracts features (the same {@link ClassifyProcessor} as {@code genrekit batch})
 * and emits one result row. Rows stream through (one track in memory per task); a failing file
 * becomes an error row, never a failed task. What the node itself lacks (a backbone, the model,
 * native libraries under {@code --require-native}) fails the task with a {@link NodeCheckException}.
 */
final class TrackPartitionFunction implements MapPartitionsFunction<Row, Row> {
    @Serial
    private static final long serialVersionUID = 2L;
    /** One processor per executor JVM and model: loading a model per task would dominate small tasks. */
    private static final Map<String, TrackProcessor> PROCESSORS = new HashMap<>();

    private final ClassifierSource model;
    private final String features;
    private final TrackPolicy policy;
    private final int top;
    private final ResultSchema schema;
    private final boolean requireNative;
    private final Broadcast<SerializableConfiguration> conf;

    TrackPartitionFunction(ClassifierSource model, String features, TrackPolicy policy, int top, ResultSchema schema, boolean requireNative,
                           Broadcast<SerializableConfiguration> conf) {
        if (model == null && features == null) throw new IllegalArgumentException("need a model, a feature set, or both");
        this.model = model;
        this.features = features;
        this.policy = policy;
        this.top = top;
        this.schema = schema;
        this.requireNative = requireNative;
        this.conf = conf;
    }

    private TrackProcessor processor() {
        String key = (model == null ? "-" : model.info().sha256()) + "|" + (features == null ? "-" : features) + "|" + policy + "|" + top;
        synchronized (PROCESSORS) {
            TrackProcessor p = PROCESSORS.get(key);
            if (p == null) {
                FeatureSet fs = features == null ? null : FeatureSets.create(features);
                if (fs != null) ExecutorChecks.backbone(fs.recipe());
                GenreClassifier clf = model == null ? null : ExecutorChecks.open(model);
                p = new ClassifyProcessor(clf, fs, policy, top);
                PROCESSORS.put(key, p);
            }
            return p;
        }
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) throws Exception {
        Natives natives = ExecutorChecks.natives(requireNative);
        TrackProcessor proc = processor();
        AudioFetcher fetcher = new AudioFetcher(conf.value().value(), Path.of(System.getProperty("java.io.tmpdir")));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                Row in = input.next();
                String id = in.getString(0);
                String path = in.getString(1);
                long t0 = System.nanoTime();
                try (AudioFetcher.Local local = fetcher.fetch(path)) {
                    TrackResult r = proc.process(new BatchItem(id, local.path()));
                    return schema.row(id, path, r, natives);
                } catch (IOException | RuntimeException e) {
                    // unreadable from storage (permissions, network): an error row, the job goes on
                    return schema.error(id, path, "read", "IO_ERROR", e.toString(), (System.nanoTime() - t0) / 1e6, natives);
                }
            }
        };
    }
}
