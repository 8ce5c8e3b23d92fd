package org.genrekit.spark;

import java.util.List;
import java.util.Objects;

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
 */
public record SparkJobConfig(List<String> inputs, String spec, String out, String features, int filesPerCommit,
                             OutputFormat format, boolean requireNative) {
    public SparkJobConfig {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty() == (spec == null)) throw new IllegalArgumentException("give either --input (paths/globs) or --spec, not both or neither");
        if (out == null || out.isBlank()) throw new IllegalArgumentException("--out is required");
        if (filesPerCommit < 1) throw new IllegalArgumentException("filesPerCommit must be >= 1, got " + filesPerCommit);
        Objects.requireNonNull(format, "format");
    }

    /** Parquet output, native fallbacks allowed. */
    public SparkJobConfig(List<String> inputs, String spec, String out, String features, int filesPerCommit) {
        this(inputs, spec, out, features, filesPerCommit, OutputFormat.PARQUET, false);
    }
}
