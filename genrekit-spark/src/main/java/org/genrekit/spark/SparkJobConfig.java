package org.genrekit.spark;

import java.util.List;

/**
 * What the Spark job does.
 *
 * @param inputs         paths or globs on any Hadoop file system (folders are searched recursively), or empty when {@code spec} is set
 * @param spec           a dataset spec (gtzan:DIR, fma:DIR?audio=..., manifest:FILE ...), or null
 * @param out            the output Parquet folder (any Hadoop file system)
 * @param features       feature recipe to extract, or null
 * @param filesPerCommit files per committed batch of output: a killed job loses at most this batch's work
 */
public record SparkJobConfig(List<String> inputs, String spec, String out, String features, int filesPerCommit) {
    public SparkJobConfig {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty() == (spec == null)) throw new IllegalArgumentException("give either --input (paths/globs) or --spec, not both or neither");
        if (out == null || out.isBlank()) throw new IllegalArgumentException("--out is required");
        if (filesPerCommit < 1) throw new IllegalArgumentException("filesPerCommit must be >= 1, got " + filesPerCommit);
    }
}
