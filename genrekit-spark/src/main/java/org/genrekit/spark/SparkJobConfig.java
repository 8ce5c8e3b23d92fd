package org.genrekit.spark;

import java.util.List;
import java.util.Objects;
import org.genrekit.models.TrackPolicy;
import org.genrekit.models.result.GenreResult;

/**
 * What the Spark job does.
 *
 * @param inputs         paths or globs on any Hadoop file system (folders are searched recursively), or empty when {@code spec} is set
 * @param spec           a dataset spec (gtzan:DIR, fma:DIR?audio=..., manifest:FILE ...), or null
 * @param out            the output folder (any Hadoop file system)
 * @param features       feature recipe to extract, or null
 * @param filesPerCommit files per committed batch of output: a killed job loses at most this batch's work
 * @param format         how the output is written
 * @param requireNative  fail on executors without libsndfile and libsoxr instead of falling back
 * @param policy         how a track becomes the model's answer (as {@code classify}'s options)
 * @param top            genres in each result's top list
 */
public record SparkJobConfig(List<String> inputs, String spec, String out, String features, int filesPerCommit,
                             OutputFormat format, boolean requireNative, TrackPolicy policy, int top) {
    public SparkJobConfig {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty() == (spec == null)) throw new IllegalArgumentException("give either --input (paths/globs) or --spec, not both or neither");
        if (out == null || out.isBlank()) throw new IllegalArgumentException("--out is required");
        if (filesPerCommit < 1) throw new IllegalArgumentException("filesPerCommit must be >= 1, got " + filesPerCommit);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(policy, "policy");
        GenreResult.checkTop(top);
    }

    /** Parquet output, native fallbacks allowed, the default track policy and top 3. */
    public SparkJobConfig(List<String> inputs, String spec, String out, String features, int filesPerCommit) {
        this(inputs, spec, out, features, filesPerCommit, OutputFormat.PARQUET, false, TrackPolicy.DEFAULT, 3);
    }

    /** The default track policy and top 3. */
    public SparkJobConfig(List<String> inputs, String spec, String out, String features, int filesPerCommit, OutputFormat format, boolean requireNative) {
        this(inputs, spec, out, features, filesPerCommit, format, requireNative, TrackPolicy.DEFAULT, 3);
    }

    public SparkJobConfig withPolicy(TrackPolicy p, int topK) {
        return new SparkJobConfig(inputs, spec, out, features, filesPerCommit, format, requireNative, p, topK);
    }
}
